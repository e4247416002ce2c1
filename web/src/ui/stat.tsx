/** One figure of a `<dl className="stats">`: its name, its value (with a test id when tests read it), why it matters. */
import type { ReactNode } from 'react';

export function Stat({
  label,
  value,
  testId,
  meaning,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
  meaning?: string;
}) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
      {meaning && <dd className="stat-meaning">{meaning}</dd>}
    </div>
  );
}
