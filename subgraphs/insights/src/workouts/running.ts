/** The sports that count as running: their best efforts predict races and their longest session is the long run. */
const RUNNING_SPORTS: ReadonlySet<string> = new Set(['RUN', 'TRAIL_RUN', 'TREADMILL_RUN']);

export const isRunning = (sport: string): boolean => RUNNING_SPORTS.has(sport);
