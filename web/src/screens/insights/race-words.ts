/** Race predictions in words: the race's name and what the prediction is made from. */
import { bestEffortName } from '../workouts/workout-figures';

export const raceName = (race: string) => bestEffortName(race);

export interface PredictionFigures {
  race: string;
  distanceMeters: number;
  predictedSeconds: number;
}

/** Seconds per kilometre of a predicted race, for formatPace. */
export const predictedPace = ({ distanceMeters, predictedSeconds }: PredictionFigures) =>
  distanceMeters > 0 ? predictedSeconds / (distanceMeters / 1_000) : null;
