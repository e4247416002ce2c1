import { commonSport, fieldClue, namedOther, quote, sportFromClues, textClue } from './sport-choice';

const context = { hasPositions: true };

describe('sportFromClues', () => {
  it('takes the first clue that names a sport, a sport field saying "other" naming none', () => {
    const choice = sportFromClues(
      [...fieldClue('<trk><type>', 'other', 'OTHER'), ...textClue('<trk><name>', 'Evening Walk')],
      context,
    );
    expect(choice).toEqual({
      sport: 'WALK',
      sportSource: 'FILE',
      sportReason: 'The file\'s words name it: <trk><name> "Evening Walk" ("walk").',
    });
  });

  it('lists where it looked when nothing names a sport, once per place', () => {
    const choice = sportFromClues(
      [...textClue('<trk><name>', 'ACTIVE LOG'), ...textClue('<trk><name>', 'ACTIVE LOG #2')],
      context,
    );
    expect(choice).toEqual({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: 'The file names no sport we know (<trk><name> "ACTIVE LOG").',
    });
    expect(sportFromClues([...fieldClue('type', null, null), ...textClue('name', '  ')], context)).toEqual({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: 'The file names no sport.',
    });
  });
});

describe('commonSport', () => {
  const run = sportFromClues(textClue('name', 'Run'), context);
  const ride = sportFromClues(textClue('name', 'Ride'), context);
  const nothing = sportFromClues([], context);

  it('keeps the sport the naming parts share', () => {
    expect(commonSport([nothing, run, run])).toBe(run);
    expect(commonSport([nothing])).toBe(nothing);
  });

  it('makes a file of several sports one OTHER, named by the file', () => {
    expect(commonSport([run, ride])).toEqual(
      namedOther('The file holds parts of several sports (RUN, RIDE): one OTHER workout.'),
    );
  });
});

describe('quote', () => {
  it('quotes file text on one line, without control characters, at most 40 characters', () => {
    expect(quote('a\u0000b\nc')).toBe('"a b c"');
    expect(quote('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quote('\uD800 lone')).toBe('"lone"');
  });
});
