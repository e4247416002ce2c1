/** The athlete's handle, bio, units, time zone and who sees the profile; saving refreshes the app's preferences. */
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import type { ProfileVisibility, Units } from '../../__generated__/enums';
import type { ProfileScreenQueryQuery } from '../../__generated__/graphql';
import { PreferencesQuery } from '../../settings/preferences';
import { Field, SelectField } from '../../ui/field';
import { describeInFieldWords, timeZoneOptions } from './field-words';
import {
  ProfileScreenQuery,
  ProfileScreenSetTimeZone,
  ProfileScreenUpdateProfile,
} from './profile-documents';

type Me = ProfileScreenQueryQuery['me'];

const UNIT_OPTIONS = [
  { value: 'METRIC', label: 'Metric (km, m)' },
  { value: 'IMPERIAL', label: 'Imperial (mi, ft)' },
];
const VISIBILITY_OPTIONS = [
  { value: 'EVERYONE', label: 'Everyone' },
  { value: 'FOLLOWERS', label: 'My approved followers' },
  { value: 'ONLY_ME', label: 'Only me' },
];

export function PublicProfileForm({ me }: { me: Me }) {
  const bioId = useId();
  const profile = me.profile;
  const [form, setForm] = useState({
    handle: profile?.handle ?? '',
    bio: profile?.bio ?? '',
    units: (profile?.units ?? 'METRIC') as Units,
    visibility: (profile?.visibility ?? 'EVERYONE') as ProfileVisibility,
    approveFollowers: profile?.approveFollowers ?? false,
    timeZone: me.timeZone ?? 'UTC',
  });
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const refetchQueries = [PreferencesQuery, ProfileScreenQuery];
  const [updateProfile, profileSave] = useMutation(ProfileScreenUpdateProfile, { refetchQueries });
  const [setTimeZone, zoneSave] = useMutation(ProfileScreenSetTimeZone, { refetchQueries });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    try {
      await updateProfile({
        variables: {
          input: {
            // An unchanged handle is not sent: it could only be refused.
            ...(form.handle.trim() !== profile?.handle && { handle: form.handle.trim() }),
            bio: form.bio.trim() === '' ? null : form.bio.trim(),
            units: form.units,
            visibility: form.visibility,
            approveFollowers: form.approveFollowers,
          },
        },
      });
      if (form.timeZone !== me.timeZone) await setTimeZone({ variables: { timeZone: form.timeZone } });
      setSaved(true);
    } catch (error) {
      setFailure(error);
    }
  }

  const busy = profileSave.loading || zoneSave.loading;
  return (
    <form className="card form profile-card" onSubmit={submit} aria-labelledby="profile-public">
      <h2 id="profile-public">Profile and preferences</h2>
      <Field
        label="Handle"
        required
        minLength={3}
        maxLength={30}
        autoCapitalize="none"
        value={form.handle}
        onChange={(e) => setForm({ ...form, handle: e.target.value })}
        hint="3 to 30 letters, digits, _ or . — others mention you as @handle."
      />
      <div className="field">
        <label htmlFor={bioId}>Bio</label>
        <textarea
          id={bioId}
          rows={3}
          maxLength={500}
          value={form.bio}
          onChange={(e) => setForm({ ...form, bio: e.target.value })}
        />
      </div>
      <SelectField
        label="Units"
        options={UNIT_OPTIONS}
        value={form.units}
        onChange={(e) => setForm({ ...form, units: e.target.value as Units })}
      />
      <SelectField
        label="Time zone"
        options={timeZoneOptions(me.timeZone)}
        value={form.timeZone}
        onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
      />
      <SelectField
        label="Who may see your profile"
        options={VISIBILITY_OPTIONS}
        value={form.visibility}
        onChange={(e) => setForm({ ...form, visibility: e.target.value as ProfileVisibility })}
      />
      <label className="profile-check">
        <input
          type="checkbox"
          checked={form.approveFollowers}
          onChange={(e) => setForm({ ...form, approveFollowers: e.target.checked })}
        />
        Approve new followers myself
      </label>
      {failure != null && (
        <p className="state error" role="alert">
          {describeInFieldWords(failure)}
        </p>
      )}
      {saved && (
        <p className="state" role="status">
          Profile saved.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  );
}
