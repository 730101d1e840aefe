/**
 * A report as a publisher lays it out — title page, sections, key figures,
 * tables — independent of the format, so the Markdown and the PDF of one
 * report say exactly the same thing.
 */
export interface ReportDocument {
  locale: 'fr' | 'en';
  title: string;
  subtitle: string;
  /** Lines under the title: the period, the date of issue. */
  meta: string[];
  intro: string;
  sections: ReportSection[];
  /** Footer text on every page of the PDF. */
  footer: string;
  pageLabel: (page: number, pages: number) => string;
  /** Between a label and its value: « Objectif : », "Target: ". */
  labelSep: string;
}

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'figures'; items: { label: string; value: string }[] }
  | {
      kind: 'table';
      caption: string;
      columns: { label: string; align: 'left' | 'right'; width: number }[];
      rows: string[][];
      empty: string;
    }
  | { kind: 'note'; text: string };
