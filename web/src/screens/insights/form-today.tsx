/** Today's form: fitness, fatigue, form, the acute:chronic ratio, monotony and strain, each with its meaning. */
import { formatLocalDate } from '../../format/dates';
import { formStats, type FormFigures } from './insights-figures';

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
          <div className="stat" key={stat.label}>
            <dt>{stat.label}</dt>
            <dd>{stat.value}</dd>
            <dd className="insights-meaning">{stat.meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
