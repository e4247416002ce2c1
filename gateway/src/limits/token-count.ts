/** Counts an operation's lexical tokens without parsing it, to refuse huge documents before the parser. */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/**
 * The number of tokens in `text`, counting at most `stopAfter` (so a huge text costs no more than that).
 * A lexical error ends the count: the parser reports it with its own message afterwards.
 */
export function countTokens(text: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (count < stopAfter && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return count;
}
