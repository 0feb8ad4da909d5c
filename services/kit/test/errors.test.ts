import { GraphQLError } from 'graphql';
import { ConflictError, errorFormatter, NotFoundError, ValidationError, createLogger } from '../src';

const format = errorFormatter(createLogger('test', 'silent'));
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
    expect(format({ message: 'm' }, wrap(new NotFoundError('Organization', 'o1'))).extensions).toEqual({ code: 'NOT_FOUND' });
    expect(format({ message: 'm' }, wrap(new ConflictError('taken'))).extensions).toEqual({ code: 'CONFLICT' });
  });

  it('maps a Postgres exclusion violation that escaped a use case to CONFLICT', () => {
    const pgError = Object.assign(new Error('conflicting key value violates exclusion constraint'), { code: '23P01' });
    const formatted = format({ message: pgError.message }, wrap(pgError));
    expect(formatted.extensions).toEqual({ code: 'CONFLICT' });
    expect(formatted.message).not.toContain('exclusion');
  });

  it('masks anything unexpected: no message, stack or SQL reaches the client', () => {
    const formatted = format({ message: 'relation "member" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, wrap(new Error('relation "member" does not exist')));
    expect(formatted).toEqual({ message: 'Internal server error', path: undefined, locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes request validation errors through with their code', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
