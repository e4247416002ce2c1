/** Counts an operation's lexical tokens without parsing it, to refuse huge documents before the parser. */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { limitExceededError } from './limit-errors';

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

/** QUERY_TOO_COMPLEX (HTTP 400) when `text` is longer than `maxTokens` tokens, else null. */
export function tokenLimitError(text: string, maxTokens: number): GraphQLError | null {
  const tokens = countTokens(text, maxTokens + 1);
  return tokens > maxTokens ? limitExceededError('tokens', maxTokens, tokens) : null;
}
