import { GraphQLError } from 'graphql';
import { CommonErrors } from '../errors/common.errors';
import { formatGraphQLError } from '../errors/graphql-error-formatter';

const format = (original: unknown) =>
  formatGraphQLError(
    { message: 'x', extensions: {} },
    new GraphQLError('x', { originalError: original as Error, path: ['field'] }),
  );

describe('GraphQL error formatting', () => {
  it('turns a lost database connection into a retryable TEMPORARILY_UNAVAILABLE, in French by default', () => {
    for (const lost of [
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      new Error('Connection terminated unexpectedly'),
    ]) {
      const formatted = format(lost);
      expect(formatted.extensions).toEqual({ code: 'TEMPORARILY_UNAVAILABLE', retryable: true });
      expect(formatted.message).toBe(
        'Le service est momentanément indisponible. Réessayez dans un instant.',
      );
    }
  });

  it('reads the code of a connection error graphql-js wrapped as NonErrorThrown', () => {
    const refused = { errno: -111, code: 'ECONNREFUSED', syscall: 'connect' };
    const formatted = format(
      Object.assign(new Error('Unexpected error value'), {
        name: 'NonErrorThrown',
        thrownValue: refused,
      }),
    );
    expect(formatted.extensions).toEqual({ code: 'TEMPORARILY_UNAVAILABLE', retryable: true });
  });

  it('marks serialization conflicts retryable and keeps domain errors as they are', () => {
    expect(
      format(Object.assign(new Error('could not serialize'), { code: '40001' })).extensions,
    ).toEqual({
      code: 'CONFLICT',
      retryable: true,
    });
    expect(format(CommonErrors.FORBIDDEN()).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('reads a DomainError a plugin threw before execution (no path), with its localised detail', () => {
    const refused = CommonErrors.QUERY_TOO_COMPLEX({ detail: { fr: 'coût 9', en: 'cost 9' } });
    const formatted = formatGraphQLError(
      { message: 'QUERY_TOO_COMPLEX', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError('QUERY_TOO_COMPLEX', { originalError: refused }),
    );
    expect(formatted).toEqual({
      message: 'Cette requête est trop volumineuse ou trop complexe : coût 9',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('hides anything unexpected behind INTERNAL', () => {
    expect(format(new TypeError('undefined is not a function')).extensions).toEqual({
      code: 'INTERNAL',
    });
  });
});
