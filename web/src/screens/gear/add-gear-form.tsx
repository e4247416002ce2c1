/** Adds a gear item: kind, names, purchase date, and distances typed in the athlete's units. */
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { GearKind } from '../../__generated__/enums';
import { localDateIn } from '../../format/dates';
import { distanceUnit } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { Field, SelectField } from '../../ui/field';
import { ErrorMessage } from '../../ui/states';
import { GearScreenAddGear, GearScreenQuery } from './gear-documents';
import { metresFrom, startOfDayIn } from './gear-input';
import { GEAR_KIND_OPTIONS } from './gear-kinds';

const EMPTY = {
  kind: 'SHOES' as GearKind,
  brand: '',
  model: '',
  nickname: '',
  purchaseDate: '',
  initial: '',
  retirement: '',
};

export function AddGearForm() {
  const { units, timeZone } = usePreferences();
  const [form, setForm] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [addGear, { loading, error, reset }] = useMutation(GearScreenAddGear, {
    refetchQueries: [GearScreenQuery],
  });
  const unit = distanceUnit(units);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    reset();
    const initial = metresFrom(form.initial, units);
    const retirement = metresFrom(form.retirement, units);
    if (Number.isNaN(initial) || Number.isNaN(retirement)) {
      setProblem(`Type distances as numbers of ${unit}.`);
      return;
    }
    if (!form.brand.trim() && !form.model.trim() && !form.nickname.trim()) {
      setProblem('Give a brand, a model or a nickname.');
      return;
    }
    setProblem(null);
    const { data } = await addGear({
      variables: {
        input: {
          kind: form.kind,
          ...(form.brand.trim() && { brand: form.brand.trim() }),
          ...(form.model.trim() && { model: form.model.trim() }),
          ...(form.nickname.trim() && { nickname: form.nickname.trim() }),
          ...(form.purchaseDate && { purchaseDate: startOfDayIn(form.purchaseDate, timeZone) }),
          ...(initial != null && { initialDistanceMeters: initial }),
          ...(retirement != null && { retirementDistanceMeters: retirement }),
        },
      },
    }).catch(() => ({ data: undefined }));
    if (!data) return;
    setAdded(data.addGear.name);
    setForm(EMPTY);
  }

  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  return (
    <form className="card form gear-add-form" onSubmit={submit} aria-labelledby="gear-add">
      <h2 id="gear-add">Add gear</h2>
      <SelectField label="Kind" options={GEAR_KIND_OPTIONS} value={form.kind} onChange={set('kind')} />
      <Field label="Brand" maxLength={100} value={form.brand} onChange={set('brand')} />
      <Field label="Model" maxLength={100} value={form.model} onChange={set('model')} />
      <Field label="Nickname" maxLength={100} value={form.nickname} onChange={set('nickname')} />
      <Field
        label="Purchase date"
        type="date"
        max={localDateIn(timeZone)}
        value={form.purchaseDate}
        onChange={set('purchaseDate')}
      />
      <Field
        label={`Distance before Pulse (${unit})`}
        inputMode="decimal"
        value={form.initial}
        onChange={set('initial')}
        hint="What it had already covered; empty for new gear."
      />
      <Field
        label={`Retirement distance (${unit})`}
        inputMode="decimal"
        value={form.retirement}
        onChange={set('retirement')}
        hint={`Empty: ${units === 'IMPERIAL' ? '435 mi' : '700 km'} for shoes, none for bikes and other gear.`}
      />
      {problem && (
        <p className="state error" role="alert">
          {problem}
        </p>
      )}
      <ErrorMessage error={error} />
      {added && (
        <p role="status" className="state">
          {added} added.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={loading}>
          {loading ? 'Adding…' : 'Add gear'}
        </button>
      </div>
    </form>
  );
}
