/**
 * How a file's own words choose its sport. Each format lists its clues in the order it trusts them: its
 * sport field first (GPX `<type>`, TCX `Sport`, FIT sport/sub-sport, the activity type of Apple Health and
 * Google Fit), then free text (titles, descriptions, keywords). The first clue that names a sport decides;
 * a sport field saying only "other" or "generic" names none. The reason is kept for the athlete.
 */
import type { Sport } from '../../../../lib/sports';
import type { SportSource } from '../workouts/sport-info';
import { sportFromText } from './sport-from-text';
import type { SportContext } from './sport-vocabulary';

/** How an imported file's sport was chosen, before the athlete has a say. */
export type FileSportSource = Exclude<SportSource, 'ATHLETE'>;

export interface SportChoice {
  sport: Sport;
  sportSource: FileSportSource;
  /** One sentence for the athlete: the word and where it was found, or what was looked at. */
  sportReason: string;
}

/** A place in the file that may name the sport: a sport field already mapped by the format, or free text. */
export type SportClue =
  { where: string; value: string; sport: Sport | null } | { where: string; text: string };

const QUOTED_LENGTH = 40;

/** File text quoted in a reason: one line, at most QUOTED_LENGTH characters, no control character. */
export const quote = (value: string): string => {
  const characters = [...value.replace(/[\p{Cc}\p{Cs}]+/gu, ' ').trim()];
  const shown = characters.slice(0, QUOTED_LENGTH).join('');
  return `"${shown}${characters.length > QUOTED_LENGTH ? '…' : ''}"`;
};

/** A sport field clue; absent (no value) when the file has no such field. */
export const fieldClue = (
  where: string,
  value: string | number | null | undefined,
  sport: Sport | null,
): SportClue[] =>
  value === null || value === undefined || value === '' ? [] : [{ where, value: String(value), sport }];

/** A free-text clue; absent when the file has no such text. */
export const textClue = (where: string, text: string | null | undefined): SportClue[] =>
  text === null || text === undefined || text.trim() === '' ? [] : [{ where, text }];

/** The sport a file names outright although it is OTHER (several sports in one file, a vehicle). */
export const namedOther = (reason: string): SportChoice => ({
  sport: 'OTHER',
  sportSource: 'FILE',
  sportReason: reason,
});

/** The sport the first naming clue gives, or OTHER with source UNKNOWN and the clues that named none. */
export function sportFromClues(clues: readonly SportClue[], context: SportContext): SportChoice {
  for (const clue of clues) {
    if ('sport' in clue) {
      if (clue.sport !== null && clue.sport !== 'OTHER') {
        return {
          sport: clue.sport,
          sportSource: 'FILE',
          sportReason: `The file names it: ${clue.where} ${quote(clue.value)}.`,
        };
      }
      continue;
    }
    const found = sportFromText(clue.text, context);
    if (found) {
      return {
        sport: found.sport,
        sportSource: 'FILE',
        sportReason: `The file's words name it: ${clue.where} ${quote(clue.text)} ("${found.words}").`,
      };
    }
  }
  // The first value of each place, enough to see why (the 12 tracks of a file are all "ACTIVE LOG").
  const seen = [...new Map(clues.map((clue) => [clue.where, clue])).keys()].map((where) => {
    const clue = clues.find((each) => each.where === where)!;
    return `${where} ${quote('sport' in clue ? clue.value : clue.text)}`;
  });
  return {
    sport: 'OTHER',
    sportSource: 'UNKNOWN',
    sportReason:
      seen.length === 0
        ? 'The file names no sport.'
        : `The file names no sport we know (${seen.join(', ')}).`,
  };
}

/**
 * One choice for a file of several parts (TCX activities, FIT sessions): the sport the parts that name one
 * share; a multisport OTHER, named by the file, when they name different sports.
 */
export function commonSport(parts: readonly SportChoice[]): SportChoice {
  const named = parts.filter((part) => part.sportSource === 'FILE');
  const sports = [...new Set(named.map((part) => part.sport))];
  if (sports.length > 1) {
    return namedOther(`The file holds parts of several sports (${sports.join(', ')}): one OTHER workout.`);
  }
  return named[0] ?? parts[0] ?? sportFromClues([], { hasPositions: false });
}
