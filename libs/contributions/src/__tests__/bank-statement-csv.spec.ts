import { parseBankStatement } from '../bank-statement-csv';
import { formatCents, parseAmountToCents } from '../money';

describe('parseAmountToCents', () => {
  it.each([
    ['1234.56', 123456],
    ['1 234,56', 123456],
    ['0.1', 10],
    ['12', 1200],
    ['-5.00', -500],
    ['1234.56 $', 123456],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseAmountToCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '1.234', '1e5', '12.3.4', '--1'])('refuses %p', (text) => {
    expect(parseAmountToCents(text)).toBeNull();
  });

  it('never rounds through a float: 0.1 + 0.2 in cents is exactly 30', () => {
    expect(parseAmountToCents('0.10')! + parseAmountToCents('0.20')!).toBe(30);
  });
});

describe('formatCents', () => {
  it('writes French and English amounts', () => {
    expect(formatCents(123456789)).toBe('1\u00a0234\u00a0567,89\u00a0$');
    expect(formatCents(5, 'en')).toBe('$0.05');
  });
});

describe('parseBankStatement', () => {
  const header = 'date,amount,reference,description';

  it('reads credit lines with their line numbers', () => {
    const { lines, problems } = parseBankStatement(
      `${header}\n2027-02-01,1500.00,CT2027-000001,Virement\n2027-02-02,"1 200,50",CT2027-000002,\n`,
    );
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      {
        rowNumber: 2,
        bookedOn: '2027-02-01',
        amountCents: 150000,
        reference: 'CT2027-000001',
        description: 'Virement',
      },
      {
        rowNumber: 3,
        bookedOn: '2027-02-02',
        amountCents: 120050,
        reference: 'CT2027-000002',
        description: null,
      },
    ]);
  });

  it('names every bad line with a stable code', () => {
    const { problems } = parseBankStatement(
      [
        header,
        '2027-02-30,10.00,REF,x',
        '2027-02-01,ten,REF,x',
        '2027-02-01,-10.00,REF,x',
        '2027-02-01,10.00,,x',
        '2027-02-01,10.00',
        '2027-02-01,100000000.01,REF,beyond the largest amount',
        '2027-02-01,10.00,REF,ok',
      ].join('\n'),
    );
    expect(problems).toEqual([
      { row: 2, code: 'INVALID_DATE' },
      { row: 3, code: 'INVALID_AMOUNT' },
      { row: 4, code: 'NEGATIVE_AMOUNT' },
      { row: 5, code: 'REFERENCE_MISSING' },
      { row: 6, code: 'COLUMN_COUNT' },
      { row: 7, code: 'INVALID_AMOUNT' },
    ]);
  });

  it('refuses a wrong header, an empty file and broken quoting', () => {
    expect(parseBankStatement('when,amount,ref,desc\n').problems).toEqual([
      { row: 1, code: 'HEADER_INVALID' },
    ]);
    expect(parseBankStatement('').problems).toEqual([{ row: 1, code: 'EMPTY_FILE' }]);
    expect(parseBankStatement(`${header}\n2027-02-01,"10.00,REF,x\n`).problems[0].code).toBe(
      'CSV_SYNTAX',
    );
    expect(
      parseBankStatement(`${header}\n2027-02-01,10.00,REF,x\n2027-02-01,1.00,R\u0000,y`).problems,
    ).toEqual([{ row: 3, code: 'CSV_SYNTAX' }]);
  });
});
