/** PostgreSQL error codes the domains react to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const PgErrorCode = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  CheckViolation: '23514',
  SerializationFailure: '40001',
} as const;

/** The constraint a PostgreSQL error names, if it is the given kind of error. */
export function violatedConstraint(error: unknown, code: string): string | undefined {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const source = e?.driverError ?? e;
  return source?.code === code ? (source.constraint ?? '') : undefined;
}
