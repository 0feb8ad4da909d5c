import { GraphQLError } from 'graphql';
import { parse } from 'graphql';
import { ConflictError, errorFormatter, inLocale, msg, NotFoundError, QueryLimitError, ValidationError, createLogger } from '../src';

const formatter = errorFormatter(createLogger('test', 'silent'));
/** Formats as a request asking for English does (Accept-Language: en); `formatter` alone reads as a request asking for nothing: Chinese. */
const format: typeof formatter = (formatted, error) => inLocale('en', () => formatter(formatted, error));
const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('errorFormatter', () => {
  it('keeps a domain error code, message and field', () => {
    const error = wrap(new ValidationError('phone', 'phone must be a mainland mobile number'));
    expect(format({ message: error.message, path: ['x'] }, error)).toEqual({
      message: 'phone must be a mainland mobile number',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'phone' },
    });
    expect(format({ message: 'm' }, wrap(new NotFoundError('Organization', 'o1'))).extensions).toEqual({
      code: 'NOT_FOUND',
      messageKey: 'record.notFound',
      messageParams: { entity: 'Organization', id: 'o1' },
    });
    expect(format({ message: 'm' }, wrap(new ConflictError('taken'))).extensions).toEqual({ code: 'CONFLICT' });
  });

  it("renders a catalogue message in the request's language, Chinese by default, with its key and parameters", () => {
    const error = wrap(new ValidationError('title', msg('input.oneLine', { field: 'title' })));
    const extensions = { code: 'BAD_USER_INPUT', field: 'title', messageKey: 'input.oneLine', messageParams: { field: 'title' } };
    expect(formatter({ message: error.message }, error)).toMatchObject({ message: 'title 只能填写一行', extensions });
    expect(format({ message: error.message }, error)).toMatchObject({ message: 'title must be on one line', extensions });
    expect(formatter({ message: 'm' }, wrap(new NotFoundError('Member', 'm1')))).toMatchObject({ message: '党员 m1 不存在' });
    // The thrown error's own message (logs, stack traces) is the English text.
    expect(error.message).toBe('title must be on one line');
  });

  it('maps a Postgres exclusion violation that escaped a use case to CONFLICT', () => {
    const pgError = Object.assign(new Error('conflicting key value violates exclusion constraint'), { code: '23P01' });
    const formatted = format({ message: pgError.message }, wrap(pgError));
    expect(formatted.extensions).toEqual({ code: 'CONFLICT', messageKey: 'record.overlap', messageParams: {} });
    expect(formatted.message).toBe('This overlaps an existing record');
  });

  it('answers UNAVAILABLE, not an internal error, when the database is out of reach or dropped the connection', () => {
    const lost = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('query failed'), {
        driverError: Object.assign(new Error('the database system is shutting down'), { code: '57P03' }),
      }),
      new Error('Connection terminated unexpectedly'),
    ];
    for (const error of lost)
      expect(format({ message: error.message }, wrap(error)).extensions).toEqual({
        code: 'UNAVAILABLE',
        messageKey: 'service.databaseUnavailable',
        messageParams: {},
      });
    expect(
      format({ message: 'boom' }, wrap(Object.assign(new Error('syntax error at or near "x"'), { code: '42601' }))).extensions,
    ).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });

  it('masks anything unexpected: no message, stack or SQL reaches the client', () => {
    const formatted = format(
      { message: 'relation "member" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      wrap(new Error('relation "member" does not exist')),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: undefined,
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'service.internal', messageParams: {} },
    });
    expect(formatter({ message: 'x' }, wrap(new Error('x'))).message).toBe('服务器内部错误');
  });

  it('passes request validation errors through with their code', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error).extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('masks a relayed internal error: its message never reaches the client', () => {
    const relayed = new GraphQLError('Unexpected error value: Error: read ECONNRESET', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(format({ message: relayed.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, relayed)).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('gives a request-level refusal (a validation rule reporting a domain error) its code and figures', () => {
    // Apollo wraps a rule's report as a validation error whose originalError is the report's own.
    const reported = new GraphQLError('Syntax Error: Query Cost limit of 5000 exceeded, found 7450.5.', {
      originalError: new QueryLimitError('cost', 5000, 7451),
    });
    const wrapped = new GraphQLError(reported.message, {
      originalError: reported.originalError,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = format({ message: reported.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapped);
    expect(formatted).toMatchObject({
      message: 'The operation costs 7451 (cost); the limit is 5000',
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', maximum: 5000, estimated: 7451, messageKey: 'query.cost' },
    });
  });

  it("reads the parser's token-limit abort as QUERY_LIMIT_EXCEEDED with the document's token count", () => {
    const query = `{ ${'a '.repeat(30)}}`;
    let aborted: unknown;
    try {
      parse(query, { maxTokens: 10 });
    } catch (error) {
      aborted = error;
    }
    const figures = { maximum: 10, estimated: 32 };
    expect(format({ message: (aborted as Error).message }, aborted).extensions).toEqual({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'tokens',
      ...figures,
      messageKey: 'query.tokens',
      messageParams: figures,
    });
  });
});
