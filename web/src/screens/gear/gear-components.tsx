/** A gear item's components (a bike's chain, tyres…) with their own wear; adding and retiring them. */
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { ComponentKind } from '../../__generated__/enums';
import { distanceUnit, formatDistance } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { Field, SelectField } from '../../ui/field';
import { ErrorMessage } from '../../ui/states';
import type { GearItem } from './gear-item';
import { GearScreenAddComponent, GearScreenQuery, GearScreenRetireComponent } from './gear-documents';
import { metresFrom } from './gear-input';
import { COMPONENT_KIND_NAMES, COMPONENT_KIND_OPTIONS, DEFAULT_LIFETIME_METERS } from './gear-kinds';
import { WearMeter } from './wear-meter';

type Component = GearItem['components'][number];

export function GearComponents({ gear }: { gear: GearItem }) {
  const { units } = usePreferences();
  return (
    <section className="gear-components" aria-label={`Components of ${gear.name}`}>
      {gear.components.length > 0 && (
        <>
          <h4>Components</h4>
          <ul className="list">
            {gear.components.map((component) => (
              <li key={component.id}>
                <ComponentRow component={component} units={units} />
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="gear-add-component">
        <summary>Add a component to {gear.name}</summary>
        <AddComponentForm gear={gear} />
      </details>
    </section>
  );
}

function ComponentRow({ component, units }: { component: Component; units: 'METRIC' | 'IMPERIAL' }) {
  const [confirming, setConfirming] = useState(false);
  const [retire, { loading, error }] = useMutation(GearScreenRetireComponent, {
    refetchQueries: [GearScreenQuery],
  });
  const name = component.name ?? COMPONENT_KIND_NAMES[component.kind];
  return (
    <>
      <strong>{name}</strong>
      <WearMeter
        name={name}
        units={units}
        item={{ ...component, limitMeters: component.expectedLifetimeMeters }}
      />
      {confirming ? (
        <div className="actions" role="group" aria-label={`Retire ${name}?`}>
          <span>Retire {name}? Its wear stops counting.</span>
          <button
            type="button"
            className="danger"
            disabled={loading}
            onClick={() => void retire({ variables: { id: component.id } }).catch(() => undefined)}
          >
            Yes, retire {name}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(true)}>
          Retire {name}
        </button>
      )}
      <ErrorMessage error={error} />
    </>
  );
}

function AddComponentForm({ gear }: { gear: GearItem }) {
  const { units } = usePreferences();
  const [form, setForm] = useState({ kind: 'CHAIN' as ComponentKind, name: '', lifetime: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [add, { loading, error, reset }] = useMutation(GearScreenAddComponent, {
    refetchQueries: [GearScreenQuery],
  });
  const unit = distanceUnit(units);
  const usual = DEFAULT_LIFETIME_METERS[form.kind];

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    const lifetime = metresFrom(form.lifetime, units);
    if (Number.isNaN(lifetime)) {
      setProblem(`Type the lifetime as a number of ${unit}.`);
      return;
    }
    setProblem(null);
    const { data } = await add({
      variables: {
        gearId: gear.id,
        input: {
          kind: form.kind,
          ...(form.name.trim() && { name: form.name.trim() }),
          ...(lifetime != null && { expectedLifetimeMeters: lifetime }),
        },
      },
    }).catch(() => ({ data: undefined }));
    if (data) setForm({ kind: form.kind, name: '', lifetime: '' });
  }

  return (
    <form className="form" onSubmit={submit}>
      <SelectField
        label="Component"
        options={COMPONENT_KIND_OPTIONS}
        value={form.kind}
        onChange={(e) => setForm({ ...form, kind: e.target.value as ComponentKind })}
      />
      <Field
        label="Name"
        maxLength={100}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        hint="For example Front tyre; empty: the kind."
      />
      <Field
        label={`Expected lifetime (${unit})`}
        inputMode="decimal"
        required={usual == null}
        value={form.lifetime}
        onChange={(e) => setForm({ ...form, lifetime: e.target.value })}
        hint={usual == null ? 'Needed for other parts.' : `Empty: ${formatDistance(usual, units)}.`}
      />
      {problem && (
        <p className="state error" role="alert">
          {problem}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={loading}>
          {loading ? 'Adding…' : 'Add component'}
        </button>
      </div>
    </form>
  );
}
