import { parse } from 'csv-parse/sync';
import { MAX_AMOUNT_CENTS, parseAmountToCents } from './money';

/** The columns a bank statement export must have, in this order (a header line first). */
export const BANK_CSV_COLUMNS = ['date', 'amount', 'reference', 'description'] as const;

export interface BankStatementLine {
  /** Line number in the file, the header being line 1. */
  rowNumber: number;
  bookedOn: string;
  amountCents: number;
  reference: string;
  description: string | null;
}

export type BankLineProblemCode =
  | 'CSV_SYNTAX'
  | 'HEADER_INVALID'
  | 'COLUMN_COUNT'
  | 'INVALID_DATE'
  | 'INVALID_AMOUNT'
  | 'NEGATIVE_AMOUNT'
  | 'REFERENCE_MISSING'
  | 'EMPTY_FILE';

export interface BankLineProblem {
  row: number;
  code: BankLineProblemCode;
}

const MAX_REFERENCE_LENGTH = 200;

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Reads a bank statement export: `date,amount,reference,description`, dates
 * as YYYY-MM-DD, amounts as decimal dollars of credits (deposits). Every
 * problem is reported with its line number; the caller refuses the whole file
 * if there is any, so a statement is never half-imported.
 */
export function parseBankStatement(content: string): {
  lines: BankStatementLine[];
  problems: BankLineProblem[];
} {
  // PostgreSQL text cannot hold NUL: a file with one is not a statement export.
  const nul = content.indexOf('\u0000');
  if (nul >= 0) {
    return {
      lines: [],
      problems: [{ row: content.slice(0, nul).split('\n').length, code: 'CSV_SYNTAX' }],
    };
  }
  let records: string[][];
  try {
    records = parse(content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { lines: [], problems: [{ row: line, code: 'CSV_SYNTAX' }] };
  }
  if (records.length === 0) return { lines: [], problems: [{ row: 1, code: 'EMPTY_FILE' }] };
  const header = records[0].map((h) => h.toLowerCase());
  if (BANK_CSV_COLUMNS.some((column, i) => header[i] !== column) || header.length !== 4) {
    return { lines: [], problems: [{ row: 1, code: 'HEADER_INVALID' }] };
  }
  const lines: BankStatementLine[] = [];
  const problems: BankLineProblem[] = [];
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    if (record.length !== BANK_CSV_COLUMNS.length) {
      problems.push({ row, code: 'COLUMN_COUNT' });
      return;
    }
    const [bookedOn, amount, reference, description] = record;
    const cents = parseAmountToCents(amount);
    if (!isCalendarDate(bookedOn)) problems.push({ row, code: 'INVALID_DATE' });
    else if (cents === null || cents > MAX_AMOUNT_CENTS)
      problems.push({ row, code: 'INVALID_AMOUNT' });
    else if (cents <= 0) problems.push({ row, code: 'NEGATIVE_AMOUNT' });
    else if (!reference || reference.length > MAX_REFERENCE_LENGTH)
      problems.push({ row, code: 'REFERENCE_MISSING' });
    else
      lines.push({
        rowNumber: row,
        bookedOn,
        amountCents: cents,
        reference,
        description: description || null,
      });
  });
  if (records.length === 1) problems.push({ row: 1, code: 'EMPTY_FILE' });
  return { lines, problems };
}
