/** Signs in with email and password; the session then renews itself until the athlete signs out. */
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { saveSession, sessionOf } from '../../api/session';
import { Field } from '../../ui/field';
import { Page } from '../../ui/page';
import { ErrorMessage } from '../../ui/states';
import { LoginMutation } from './auth-documents';

const WRONG_CREDENTIALS = { UNAUTHENTICATED: 'That email and password do not match an account.' };

export function SignInScreen() {
  const navigate = useNavigate();
  const location = useLocation();
  const [login, { loading, error }] = useMutation(LoginMutation);
  const [form, setForm] = useState({ email: '', password: '' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { data } = await login({ variables: form }).catch(() => ({ data: undefined }));
    if (!data) return;
    saveSession(sessionOf(data.login));
    const from = (location.state as { from?: string } | null)?.from;
    await navigate(from && from.startsWith('/') ? from : '/');
  }

  return (
    <Page title="Sign in">
      <form className="card form" onSubmit={submit}>
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
          autoComplete="current-password"
          required
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <ErrorMessage error={error} sentences={WRONG_CREDENTIALS} />
        <button type="submit" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
        <p>
          New to Pulse? <Link to="/sign-up">Create an account</Link>
        </p>
      </form>
    </Page>
  );
}
