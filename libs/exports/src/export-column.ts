import { Locale, Localized } from '@delibera/kernel';

/** One column of an export: the SQL field it reads, its header in both languages. */
export interface ExportColumn {
  /** The row field; a Localized key reads a different field per language (a title in fr or en). */
  key: string | Localized;
  header: Localized;
  /**
   * Free text someone typed (a name, a title, a note): neutralised if it
   * starts like a spreadsheet formula. Numbers and codes are left as they are.
   */
  text?: boolean;
  /** Turns a code into something readable (a region's name). */
  format?: (value: unknown, locale: Locale) => string | null;
}

/** Characters that make Excel, LibreOffice or Numbers read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell's text: formula-looking free text gets a leading apostrophe, which spreadsheets show as text. */
export function cellValue(column: ExportColumn, row: Record<string, unknown>, locale: Locale) {
  const key = typeof column.key === 'string' ? column.key : column.key[locale];
  const raw = row[key];
  const value = column.format ? column.format(raw, locale) : raw;
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : String(value);
  return column.text && FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A coded field as two columns: its stable code (for scripts and filters) and
 * what the code means in the caller's language (an unknown code shows as itself).
 */
export function codedColumns(
  key: string,
  header: Localized,
  labels: Record<string, Localized>,
): ExportColumn[] {
  return [
    { key, header: { fr: `${header.fr} (code)`, en: `${header.en} (code)` } },
    {
      key,
      header,
      format: (value, locale) =>
        value === null || value === undefined
          ? null
          : (labels[String(value)]?.[locale] ?? String(value)),
    },
  ];
}

export function headerOf(columns: ExportColumn[], locale: Locale): string[] {
  return columns.map((column) => column.header[locale]);
}
