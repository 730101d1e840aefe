import { ValidationError } from 'class-validator';
import { CommonErrors } from './common.errors';
import { DomainError } from './domain-error';

/** class-validator constraint → stable error code. Unlisted constraints are INVALID_VALUE. */
const CODE_BY_CONSTRAINT: Record<string, string> = {
  isEmail: 'INVALID_EMAIL',
  isNotEmpty: 'REQUIRED',
  isDefined: 'REQUIRED',
  maxLength: 'TOO_LONG',
  arrayMaxSize: 'TOO_LONG',
};

export interface FieldProblem {
  field: string;
  code: string;
}

function flatten(errors: ValidationError[], prefix = ''): (FieldProblem & { value: unknown })[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      code: CODE_BY_CONSTRAINT[constraint] ?? 'INVALID_VALUE',
      value: error.value,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Turns class-validator's report into one DomainError. Its code is the first
 * problem's code (so a lone bad email is simply INVALID_EMAIL), and
 * `details.fields` lists every problem for forms that show them all.
 * Submitted values are echoed only for email, where they help and are not secret.
 */
export function validationError(errors: ValidationError[]): DomainError {
  const problems = flatten(errors);
  const first = problems[0];
  if (!first) return CommonErrors.VALIDATION_FAILED();
  const fields = problems.map(({ field, code }) => ({ field, code }));
  const value = first.code === 'INVALID_EMAIL' ? String(first.value ?? '') : '';
  return new DomainError(first.code, { field: first.field, value }, { fields });
}
