/** One gear item in use: its wear, the sports it is the default for, and retiring it (after a confirmation). */
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import type { Sport } from '../../__generated__/enums';
import { formatDuration } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { SelectField } from '../../ui/field';
import { SPORT_OPTIONS, sportName } from '../../ui/sports';
import { ErrorMessage } from '../../ui/states';
import { GearComponents } from './gear-components';
import type { GearItem } from './gear-item';
import { GearScreenQuery, GearScreenRetireGear, GearScreenSetDefaultGear } from './gear-documents';
import { defaultsAfterChoosing, defaultsWithout } from './gear-input';
import { USUAL_SPORT } from './gear-kinds';
import { WearMeter } from './wear-meter';

export function GearCard({ gear, all }: { gear: GearItem; all: readonly GearItem[] }) {
  const { units } = usePreferences();
  const headingId = useId();
  const [setDefault, defaults] = useMutation(GearScreenSetDefaultGear, { refetchQueries: [GearScreenQuery] });
  const [sport, setSport] = useState<Sport>(USUAL_SPORT[gear.kind]);

  async function chooseDefault(event: FormEvent) {
    event.preventDefault();
    await setDefault({ variables: { sport, gearIds: defaultsAfterChoosing(all, sport, gear.id) } }).catch(
      () => undefined,
    );
  }
  async function dropDefault(dropped: Sport) {
    await setDefault({
      variables: { sport: dropped, gearIds: defaultsWithout(all, dropped, gear.id) },
    }).catch(() => undefined);
  }

  return (
    <article className="card gear-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{gear.name}</h3>
      <p className="muted">
        {gear.workoutCount} {gear.workoutCount === 1 ? 'workout' : 'workouts'} ·{' '}
        {formatDuration(gear.movingSeconds)} moving
      </p>
      <WearMeter
        name={gear.name}
        units={units}
        item={{ ...gear, limitMeters: gear.retirementDistanceMeters }}
      />
      {gear.defaultForSports.length > 0 ? (
        <ul className="gear-defaults" aria-label={`${gear.name} is the default for`}>
          {gear.defaultForSports.map((defaultSport) => (
            <li key={defaultSport}>
              Default for {sportName(defaultSport)}
              <button
                type="button"
                className="link"
                aria-label={`Stop using ${gear.name} by default for ${sportName(defaultSport)}`}
                disabled={defaults.loading}
                onClick={() => void dropDefault(defaultSport)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Not a default for any sport.</p>
      )}
      <form className="gear-default-form" onSubmit={chooseDefault}>
        <SelectField
          label="Use by default for"
          options={SPORT_OPTIONS}
          value={sport}
          onChange={(event) => setSport(event.target.value as Sport)}
        />
        <button type="submit" className="secondary" disabled={defaults.loading}>
          Set as default
        </button>
      </form>
      <ErrorMessage error={defaults.error} />
      <GearComponents gear={gear} />
      <RetireControl gear={gear} />
    </article>
  );
}

function RetireControl({ gear }: { gear: GearItem }) {
  const [confirming, setConfirming] = useState(false);
  const [retire, { loading, error }] = useMutation(GearScreenRetireGear, {
    refetchQueries: [GearScreenQuery],
  });
  if (!confirming)
    return (
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Retire
        </button>
      </div>
    );
  return (
    <div className="gear-confirm" role="group" aria-label={`Retire ${gear.name}?`}>
      <p>
        Retire {gear.name}? It keeps its history but is no longer used by default, and you cannot pick it for
        new workouts.
      </p>
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={loading}
          onClick={() => void retire({ variables: { id: gear.id } }).catch(() => undefined)}
        >
          {loading ? 'Retiring…' : `Yes, retire ${gear.name}`}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
