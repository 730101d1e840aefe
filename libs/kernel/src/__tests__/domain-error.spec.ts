import { defineErrors, DomainError } from '../errors/domain-error';
import { validationError } from '../errors/validation';
import { IsEmail, MaxLength, validateSync } from 'class-validator';

describe('DomainError', () => {
  const Errors = defineErrors({
    TEST_SAMPLE: { fr: 'Le vote {vote} est fermé.', en: 'Vote {vote} is closed.' },
  });

  it('carries a stable code and speaks both languages', () => {
    const error = Errors.TEST_SAMPLE({ vote: 'A' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('TEST_SAMPLE');
    expect(error.localizedMessage('fr')).toBe('Le vote A est fermé.');
    expect(error.localizedMessage('en')).toBe('Vote A is closed.');
  });

  it('refuses one code declared twice with different messages', () => {
    expect(() => defineErrors({ TEST_SAMPLE: { fr: 'autre', en: 'other' } })).toThrow(
      /declared twice/,
    );
  });
});

describe('validationError', () => {
  class Input {
    @IsEmail() email = 'nope';
    @MaxLength(3) name = 'too long';
  }

  it('uses the first problem as the code and lists every field', () => {
    const error = validationError(validateSync(new Input()));
    expect(error.code).toBe('INVALID_EMAIL');
    expect(error.details).toEqual({
      fields: [
        { field: 'email', code: 'INVALID_EMAIL' },
        { field: 'name', code: 'TOO_LONG' },
      ],
    });
    expect(error.localizedMessage('fr')).toContain('nope');
  });
});
