import { countTokens } from './token-count';

describe('countTokens', () => {
  it('counts names, punctuation and values, not whitespace or comments', () => {
    // { me ( id : "x" ) { id } }
    expect(countTokens('{ me(id: "x") { id } } # a comment', 100)).toBe(11);
  });

  it('stops counting at the given number', () => {
    expect(countTokens('{ a b c d e f g h }', 3)).toBe(3);
  });

  it('ends the count at a lexical error, leaving it to the parser', () => {
    expect(countTokens('{ a "unterminated', 100)).toBe(2);
  });
});
