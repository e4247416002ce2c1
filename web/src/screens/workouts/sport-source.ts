/** Why a workout has its sport, in a sentence, and whether the athlete should confirm it. */
import type { SportSource } from '../../__generated__/enums';

/** A sport someone other than the athlete chose is worth confirming; a guess all the more. */
export const isGuessed = (source: SportSource): boolean =>
  source === 'INFERRED_FROM_SPEED' || source === 'UNKNOWN';

/**
 * The sentence for the sport's source, with the import's own reason when known (`sportReason`); null when the
 * athlete chose it.
 */
export function sportSourceSentence(source: SportSource, reason: string | null): string | null {
  const why = reason ? ` ${reason}` : '';
  switch (source) {
    case 'ATHLETE':
      return null;
    case 'FILE':
      return `The sport comes from the imported file.${why}`;
    case 'INFERRED_FROM_SPEED':
      return `Pulse guessed the sport from the track's speed, as the file names none.${why}`;
    case 'UNKNOWN':
      return `The file names no sport and its speed does not tell, so the sport is Other until you choose one.${why}`;
  }
}
