/** The athlete's gear: what is in use with its wear and defaults, adding gear, and what was retired. */
import { useQuery } from '@apollo/client/react';
import { formatDate } from '../../format/dates';
import { formatDistance } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { AddGearForm } from './add-gear-form';
import { GearCard } from './gear-card';
import { GearScreenQuery } from './gear-documents';
import './gear.css';

export function GearScreen() {
  const { units, timeZone } = usePreferences();
  const { data, error, loading } = useQuery(GearScreenQuery);
  const gear = data?.myGear ?? [];
  const active = gear.filter((item) => item.status === 'ACTIVE');
  const retired = gear.filter((item) => item.status === 'RETIRED');
  return (
    <Page title="Gear">
      {!data && loading && <Loading what="your gear" />}
      <ErrorMessage error={error} />
      {data && (
        <section aria-labelledby="gear-active">
          <h2 id="gear-active">In use</h2>
          {active.length === 0 ? (
            <Empty>
              No gear yet. Add your shoes or bike below: each workout then counts towards their wear.
            </Empty>
          ) : (
            <div className="gear-list">
              {active.map((item) => (
                <GearCard key={item.id} gear={item} all={gear} />
              ))}
            </div>
          )}
        </section>
      )}
      <AddGearForm />
      {retired.length > 0 && (
        <section aria-labelledby="gear-retired">
          <h2 id="gear-retired">Retired</h2>
          <ul className="list">
            {retired.map((item) => (
              <li key={item.id}>
                <strong>{item.name}</strong>
                <div className="muted">
                  Retired {formatDate(item.retiredAt, timeZone)} ·{' '}
                  {formatDistance(item.distanceMeters, units)} · {item.workoutCount}{' '}
                  {item.workoutCount === 1 ? 'workout' : 'workouts'}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
