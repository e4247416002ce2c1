/** The athlete's account, public profile, units and time zone, and the heart rates their figures use. */
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/page';
import { ErrorMessage, Loading } from '../../ui/states';
import { ProfileScreenQuery } from './profile-documents';
import './profile.css';
import { PublicProfileForm } from './public-profile-form';
import { TrainingProfileForm } from './training-profile-form';
import { Stat } from '../../ui/stat';

export function ProfileScreen() {
  const { data, error, loading } = useQuery(ProfileScreenQuery);
  const me = data?.me;
  return (
    <Page title="Profile">
      {!data && loading && <Loading what="your profile" />}
      <ErrorMessage error={error} />
      {me && (
        <>
          <section className="card profile-card" aria-labelledby="profile-account">
            <h2 id="profile-account">Account</h2>
            <dl className="stats profile-account">
              <Stat label="Name" value={me.displayName} />
              <Stat label="Email" value={me.email ?? '–'} />
            </dl>
          </section>
          <PublicProfileForm me={me} />
          <TrainingProfileForm training={me.trainingProfile} />
        </>
      )}
    </Page>
  );
}
