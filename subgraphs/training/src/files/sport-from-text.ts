/**
 * Sport words in free text a file carries (a track's name or description, a session's name, TCX notes):
 * "Morning Run", "Afternoon Ride", "Radfahrt am See", "Randonnée". The text is split into words (accents
 * dropped, case ignored); runs of up to three words are tried longest first against the shared vocabulary
 * ("Trail Run" → TRAIL_RUN, "E-Bike Ride" → E_BIKE_RIDE) less the words that are common outside sport
 * ("row", "sup", "spin", …), and single words against TITLE_WORDS (other languages, title-only words).
 * Text naming two sports that are not one and the same ("Run to the bike shop") names none.
 */
import type { Sport } from '../../../../lib/sports';
import { sportFromWord, type SportContext } from './sport-vocabulary';

/** Vocabulary words too common in ordinary titles to name a sport there ("3 in a row", "sup?"). */
const NOT_IN_TITLES = new Set([
  'row',
  'sup',
  'spin',
  'commuting',
  'strength',
  'gravel',
  'openwater',
  'other',
  'generic',
  'treadmill',
]);

/** Words of titles in other languages (and title-only English words), accents dropped. */
const TITLE_WORDS: Partial<Record<Sport | 'SWIM', string[]>> = {
  RUN: [
    'runs',
    'lauf',
    'laufen',
    'dauerlauf',
    'joggen',
    'footing',
    'courseapied',
    'correr',
    'corsa',
    'hardlopen',
    'hardloop',
    'bieg',
    'lopning',
    'juoksu',
  ],
  WALK: [
    'stroll',
    'spaziergang',
    'spazieren',
    'wandeling',
    'marche',
    'balade',
    'promenade',
    'paseo',
    'caminata',
    'camminata',
    'passeggiata',
    'spacer',
    'promenad',
  ],
  HIKE: [
    'trekking',
    'wanderung',
    'wandern',
    'bergtour',
    'randonnee',
    'senderismo',
    'escursione',
    'hiken',
    'wandelen',
  ],
  RIDE: [
    'cycle',
    'bikeride',
    'radfahrt',
    'radtour',
    'radeln',
    'fahrrad',
    'rennrad',
    'velo',
    'cyclisme',
    'bici',
    'bicicleta',
    'ciclismo',
    'fietsen',
    'fietstocht',
    'fietsrit',
    'cykling',
    'cykeltur',
  ],
  MOUNTAIN_BIKE_RIDE: ['vtt'],
  SWIM: ['schwimmen', 'natation', 'nadar', 'natacion', 'nuoto', 'zwemmen'],
};

const TITLE_WORD = new Map<string, Sport | 'SWIM'>(
  Object.entries(TITLE_WORDS).flatMap(([sport, words]) =>
    words.map((word) => [word, sport as Sport | 'SWIM'] as const),
  ),
);

const LONGEST_PHRASE = 3;

/** Lower-case words without accents: "Randonnée à vélo" → ["randonnee", "a", "velo"]. */
export const wordsOf = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

const sportOfPhrase = (phrase: string, context: SportContext): Sport | null => {
  const titleWord = TITLE_WORD.get(phrase);
  if (titleWord === 'SWIM') return sportFromWord('swimming', context);
  if (titleWord) return titleWord;
  if (NOT_IN_TITLES.has(phrase)) return null;
  const sport = sportFromWord(phrase, context);
  return sport === 'OTHER' ? null : sport;
};

export interface SportInText {
  sport: Sport;
  /** The words that named it, as written in the file's text (lower-cased). */
  words: string;
}

/**
 * The sport a free text names, or null when it names none or several. Every sport word found must name
 * the same sport (a refinement counts as the same: "Trail run" is one phrase, matched before "run").
 */
export const sportFromText = (
  text: string | null | undefined,
  context: SportContext = { hasPositions: false },
): SportInText | null => {
  if (!text) return null;
  const words = wordsOf(text);
  const found: SportInText[] = [];
  for (let i = 0; i < words.length;) {
    let length = Math.min(LONGEST_PHRASE, words.length - i);
    for (; length > 0; length--) {
      const sport = sportOfPhrase(words.slice(i, i + length).join(''), context);
      if (sport) {
        found.push({ sport, words: words.slice(i, i + length).join(' ') });
        break;
      }
    }
    i += Math.max(length, 1);
  }
  const [first] = found;
  if (!first || found.some((each) => each.sport !== first.sport)) return null;
  return first;
};
