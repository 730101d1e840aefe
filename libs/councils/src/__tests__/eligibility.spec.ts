import { ageOn, eligibilityProblems } from '../eligibility';

describe('ageOn', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('1996-03-15', '2026-03-14')).toBe(29);
    expect(ageOn('1996-03-15', '2026-03-15')).toBe(30);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});

describe('eligibilityProblems', () => {
  const person = (birthDate: string | null, region = '06') => ({
    kind: 'person' as const,
    birthDate,
    region,
  });

  it('applies the age band at the start of the term', () => {
    expect(eligibilityProblems({ minAge: 65 }, person('1996-01-01'), '2026-12-01')).toEqual([
      'AGE_OUT_OF_BAND',
    ]);
    expect(eligibilityProblems({ minAge: 65 }, person('1961-11-30'), '2026-12-01')).toEqual([]);
    expect(
      eligibilityProblems({ minAge: 16, maxAge: 30 }, person('1995-12-02'), '2026-12-01'),
    ).toEqual([]); // 30
    expect(
      eligibilityProblems({ minAge: 16, maxAge: 30 }, person('1995-12-01'), '2026-12-01'),
    ).toEqual(['AGE_OUT_OF_BAND']); // 31
    expect(eligibilityProblems({ minAge: 65 }, person(null), '2026-12-01')).toEqual([
      'BIRTH_DATE_UNKNOWN',
    ]);
  });

  it('keeps age and practice councils for people, and regional councils for their region', () => {
    expect(
      eligibilityProblems(
        { maxAge: 30 },
        { kind: 'organisation', birthDate: null, region: '01' },
        '2026-01-01',
      ),
    ).toEqual(['PEOPLE_ONLY']);
    expect(
      eligibilityProblems({ regions: ['01', '11'] }, person('1980-01-01', '06'), '2026-01-01'),
    ).toEqual(['REGION_NOT_SERVED']);
    expect(
      eligibilityProblems(
        { regions: ['01', '11'] },
        { kind: 'organisation', birthDate: null, region: '11' },
        '2026-01-01',
      ),
    ).toEqual([]);
    expect(
      eligibilityProblems({ requiresApprovedPractice: true }, person('1980-01-01'), '2026-01-01'),
    ).toEqual(['PRACTICE_NOT_DECLARED']);
    expect(
      eligibilityProblems(
        { requiresApprovedPractice: true },
        { ...person('1980-01-01'), declaredPractice: 'Sculpture' },
        '2026-01-01',
      ),
    ).toEqual([]);
  });
});
