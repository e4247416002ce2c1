/** Creates an account (signed in at once) with the browser's time zone. */
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { saveSession, sessionOf } from '../../api/session';
import { browserTimeZone } from '../../format/dates';
import { Field } from '../../ui/field';
import { Page } from '../../ui/page';
import { ErrorMessage } from '../../ui/states';
import { RegisterMutation } from './auth-documents';

export function SignUpScreen() {
  const navigate = useNavigate();
  const [register, { loading, error }] = useMutation(RegisterMutation);
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { data } = await register({ variables: { ...form, timeZone: browserTimeZone() } }).catch(() => ({
      data: undefined,
    }));
    if (!data) return;
    saveSession(sessionOf(data.register));
    await navigate('/');
  }

  return (
    <Page title="Create your account">
      <form className="card form" onSubmit={submit}>
        <Field
          label="Name"
          autoComplete="name"
          required
          maxLength={60}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          hint="Shown to other athletes."
        />
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          hint="At least 10 characters, not your email."
        />
        <ErrorMessage error={error} />
        <button type="submit" disabled={loading}>
          {loading ? 'Creating…' : 'Create account'}
        </button>
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </form>
    </Page>
  );
}
