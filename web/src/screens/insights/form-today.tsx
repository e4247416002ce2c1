/** Today's form: fitness, fatigue, form, the acute:chronic ratio, monotony and strain, each with its meaning. */
import { formatLocalDate } from '../../format/dates';
import { formStats, type FormFigures } from './insights-figures';
import { Stat } from '../../ui/stat';

export function FormToday({ form }: { form: FormFigures & { date: string; historyDays: number } }) {
  return (
    <section aria-labelledby="insights-form">
      <h2 id="insights-form">Form today</h2>
      <p className="muted">
        {formatLocalDate(form.date)}, day {form.historyDays} of your training history. Loads are in AU, the
        training-impulse scale of your workouts.
      </p>
      <dl className="stats insights-stats">
        {formStats(form).map((stat) => (
          <Stat key={stat.label} label={stat.label} value={stat.value} meaning={stat.meaning} />
        ))}
      </dl>
    </section>
  );
}
