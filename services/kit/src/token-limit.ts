import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/** graphql-js aborts parsing past `parse(…, { maxTokens })` with this message ("more that" in 16.x). */
const ABORTED = /Document contains more tha[nt] (\d+) tokens\. Parsing aborted\./;

/** Tokens in a document, counted as the parser counts them (comments left out); stops at a syntax error. */
export function countTokens(body: string): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A malformed token after the limit ends the count: the figure is an estimate.
  }
  return count;
}

/**
 * The parser's token-limit abort, read as the limit and the document's token count, so the error
 * formatter answers it like the other query limits (QUERY_LIMIT_EXCEEDED, 400), not as a parse failure.
 */
export function tokenLimitExceeded(error: unknown): { maximum: number; estimated: number } | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const aborted = ABORTED.exec(error.message);
  if (!aborted) return undefined;
  const maximum = Number(aborted[1]);
  const body = error.source?.body;
  return { maximum, estimated: body ? countTokens(body) : maximum + 1 };
}
