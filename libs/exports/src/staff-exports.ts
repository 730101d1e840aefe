import { DECISION_TYPE_LABELS, VOTE_METHOD_LABELS } from '@delibera/charter';
import { CALL_BALANCES } from '@delibera/contributions';
import { QUEBEC_REGIONS } from '@delibera/membership';
import { codedColumns, ExportColumn } from './export-column';
import {
  BOOLEAN_LABELS,
  BREAKDOWN_LABELS,
  CALL_STATUS_LABELS,
  ELECTORATE_LABELS,
  LOCALE_LABELS,
  MEMBER_KIND_LABELS,
  MEMBER_STATUS_LABELS,
  ORGANISATION_CATEGORY_LABELS,
  OUTCOME_LABELS,
  PAYMENT_METHOD_LABELS,
  SECRECY_LABELS,
  SIZE_BAND_LABELS,
  VOTE_SUBJECT_LABELS,
} from './export-labels';
import { CsvExport } from './export-stream';
import { PARTICIPATION_PARAMS, participationCellsSql } from './participation.sql';

/**
 * The CSV downloads staff use, each one SQL query read through a cursor.
 * Dates and times are Montréal time; amounts are dollars with two decimals,
 * computed from integer cents in SQL (numeric, exact). A coded field (status,
 * category…) comes as two columns: the API's stable code, so a spreadsheet or a
 * script can filter on it, and its label in the caller's language.
 */

const montreal = (column: string, format = 'YYYY-MM-DD HH24:MI') =>
  `to_char(${column} AT TIME ZONE 'America/Montreal', '${format}')`;
const dollars = (cents: string) => `to_char((${cents}) / 100.0, 'FM999999999999990.00')`;

const REGION_COLUMNS = codedColumns('region', { fr: 'Région', en: 'Region' }, QUEBEC_REGIONS);
const ORGANISATION_CATEGORY_COLUMNS = codedColumns(
  'organisation_category',
  { fr: "Catégorie d'organisation", en: 'Organisation category' },
  ORGANISATION_CATEGORY_LABELS,
);
const SIZE_BAND_COLUMNS = codedColumns(
  'size_band',
  { fr: 'Taille', en: 'Size band' },
  SIZE_BAND_LABELS,
);

/** The member register (secretary): personal data, hence its own role. */
export const MEMBERS_CSV: CsvExport = {
  sql: `
    SELECT m.id, m.kind, m.display_name, m.email, m.status, c.code AS college,
           c.name_fr AS college_fr, c.name_en AS college_en, m.region, m.locale,
           m.birth_date::text AS birth_date, m.organisation_category, m.size_band, m.representative_name,
           ${montreal('m.admitted_at', 'YYYY-MM-DD')} AS admitted_on,
           ${montreal('m.created_at', 'YYYY-MM-DD')} AS created_on
      FROM member m JOIN college c ON c.id = m.college_id
     ORDER BY m.display_name, m.id`,
  columns: [
    { key: 'id', header: { fr: 'Identifiant', en: 'Id' } },
    ...codedColumns('kind', { fr: 'Type', en: 'Kind' }, MEMBER_KIND_LABELS),
    { key: 'display_name', header: { fr: 'Nom', en: 'Name' }, text: true },
    { key: 'email', header: { fr: 'Courriel', en: 'Email' }, text: true },
    ...codedColumns('status', { fr: 'Statut', en: 'Status' }, MEMBER_STATUS_LABELS),
    { key: 'college', header: { fr: 'Collège (code)', en: 'College (code)' } },
    { key: { fr: 'college_fr', en: 'college_en' }, header: { fr: 'Collège', en: 'College' } },
    ...REGION_COLUMNS,
    ...codedColumns('locale', { fr: 'Langue', en: 'Language' }, LOCALE_LABELS),
    { key: 'birth_date', header: { fr: 'Date de naissance', en: 'Birth date' } },
    ...ORGANISATION_CATEGORY_COLUMNS,
    ...SIZE_BAND_COLUMNS,
    {
      key: 'representative_name',
      header: { fr: 'Représentant·e', en: 'Representative' },
      text: true,
    },
    { key: 'admitted_on', header: { fr: 'Admis le', en: 'Admitted on' } },
    { key: 'created_on', header: { fr: 'Inscrit le', en: 'Registered on' } },
  ],
};

/** Contribution calls with their ledger balance (treasurer); `$1`: a fiscal year or null for all. */
export const CONTRIBUTION_CALLS_CSV = (fiscalYear: number | null): CsvExport => ({
  sql: `
    SELECT s.fiscal_year, b.reference, m.id AS member_id, m.display_name, m.organisation_category, m.size_band,
           m.region, b.status,
           ${dollars('b.full_amount_cents')} AS full_amount, ${dollars('b.amount_cents')} AS amount,
           ${dollars('b.waived_cents')} AS waived, ${dollars('b.paid_cents')} AS paid,
           ${dollars('b.outstanding_cents')} AS outstanding, ${dollars('b.credit_cents')} AS credit,
           b.due_on::text AS due_on, ${montreal('b.issued_at')} AS issued_at, b.waiver_board_decision
      FROM (${CALL_BALANCES}) b
      JOIN contribution_scale s ON s.id = b.scale_id
      JOIN member m ON m.id = b.member_id
     WHERE $1::int IS NULL OR s.fiscal_year = $1
     ORDER BY s.fiscal_year, b.reference`,
  params: [fiscalYear],
  columns: [
    { key: 'fiscal_year', header: { fr: 'Exercice', en: 'Fiscal year' } },
    { key: 'reference', header: { fr: 'Référence', en: 'Reference' } },
    { key: 'member_id', header: { fr: 'Membre (identifiant)', en: 'Member (id)' } },
    { key: 'display_name', header: { fr: 'Membre', en: 'Member' }, text: true },
    ...ORGANISATION_CATEGORY_COLUMNS,
    ...SIZE_BAND_COLUMNS,
    ...REGION_COLUMNS,
    ...codedColumns('status', { fr: 'Statut', en: 'Status' }, CALL_STATUS_LABELS),
    { key: 'full_amount', header: { fr: 'Montant du barème ($)', en: 'Scale amount ($)' } },
    { key: 'amount', header: { fr: 'Montant appelé ($)', en: 'Amount called ($)' } },
    { key: 'waived', header: { fr: 'Exonéré ($)', en: 'Waived ($)' } },
    { key: 'paid', header: { fr: 'Payé ($)', en: 'Paid ($)' } },
    { key: 'outstanding', header: { fr: 'Solde dû ($)', en: 'Outstanding ($)' } },
    { key: 'credit', header: { fr: 'Crédit ($)', en: 'Credit ($)' } },
    { key: 'due_on', header: { fr: 'Échéance', en: 'Due on' } },
    { key: 'issued_at', header: { fr: 'Émis le', en: 'Issued at' } },
    {
      key: 'waiver_board_decision',
      header: { fr: "Décision d'exonération", en: 'Waiver decision' },
      text: true,
    },
  ],
});

/** Every ledger entry, reversals included as negative amounts (treasurer); `$1` as above. */
export const CONTRIBUTION_PAYMENTS_CSV = (fiscalYear: number | null): CsvExport => ({
  sql: `
    SELECT p.id, s.fiscal_year, c.reference AS call_reference, m.display_name, p.paid_on::text AS paid_on,
           ${dollars('p.amount_cents')} AS amount, p.method, p.reference, p.reverses_payment_id, p.note,
           ${montreal('p.recorded_at')} AS recorded_at
      FROM contribution_payment p
      JOIN contribution_call c ON c.id = p.call_id
      JOIN contribution_scale s ON s.id = c.scale_id
      JOIN member m ON m.id = c.member_id
     WHERE $1::int IS NULL OR s.fiscal_year = $1
     ORDER BY p.recorded_at, p.id`,
  params: [fiscalYear],
  columns: [
    { key: 'id', header: { fr: 'Identifiant', en: 'Id' } },
    { key: 'fiscal_year', header: { fr: 'Exercice', en: 'Fiscal year' } },
    { key: 'call_reference', header: { fr: "Référence de l'appel", en: 'Call reference' } },
    { key: 'display_name', header: { fr: 'Membre', en: 'Member' }, text: true },
    { key: 'paid_on', header: { fr: 'Payé le', en: 'Paid on' } },
    { key: 'amount', header: { fr: 'Montant ($)', en: 'Amount ($)' } },
    ...codedColumns('method', { fr: 'Mode de paiement', en: 'Method' }, PAYMENT_METHOD_LABELS),
    {
      key: 'reference',
      header: { fr: 'Référence du paiement', en: 'Payment reference' },
      text: true,
    },
    { key: 'reverses_payment_id', header: { fr: 'Annule le paiement', en: 'Reverses payment' } },
    { key: 'note', header: { fr: 'Note', en: 'Note' }, text: true },
    { key: 'recorded_at', header: { fr: 'Enregistré le', en: 'Recorded at' } },
  ],
});

/** The decision register: every counted vote and its result (trustees, secretary). */
export const DECISIONS_CSV: CsvExport = {
  sql: `
    SELECT v.id AS vote_id, ${montreal('v.closed_at')} AS closed_at, v.decision_type, v.subject_type,
           v.title_fr, v.title_en, v.electorate_kind, co.code AS council, co.name_fr AS council_fr,
           co.name_en AS council_en, v.method, v.secrecy, v.binding,
           r.outcome, r.quorum_met, r.eligible, r.participations,
           CASE WHEN r.eligible > 0 THEN round(100.0 * r.participations / r.eligible, 1)::text END AS turnout_percent,
           array_to_string(r.winners, ' | ') AS winners, r.hash AS result_hash,
           p.id AS proposal_id, p.title AS proposal_title
      FROM vote v
      JOIN vote_result r ON r.vote_id = v.id
      LEFT JOIN council co ON v.electorate_kind = 'council' AND co.id = v.electorate_ref
      LEFT JOIN proposal p ON v.subject_type = 'proposal' AND p.id = v.subject_id
     ORDER BY v.closed_at, v.id`,
  columns: [
    { key: 'vote_id', header: { fr: 'Vote (identifiant)', en: 'Vote (id)' } },
    { key: 'closed_at', header: { fr: 'Clos le', en: 'Closed at' } },
    ...codedColumns(
      'decision_type',
      { fr: 'Type de décision', en: 'Decision type' },
      DECISION_TYPE_LABELS,
    ),
    ...codedColumns('subject_type', { fr: 'Objet', en: 'Subject' }, VOTE_SUBJECT_LABELS),
    { key: { fr: 'title_fr', en: 'title_en' }, header: { fr: 'Titre', en: 'Title' }, text: true },
    ...codedColumns(
      'electorate_kind',
      { fr: 'Instance qui décide', en: 'Deciding body' },
      ELECTORATE_LABELS,
    ),
    { key: 'council', header: { fr: 'Conseil (code)', en: 'Council (code)' } },
    { key: { fr: 'council_fr', en: 'council_en' }, header: { fr: 'Conseil', en: 'Council' } },
    ...codedColumns('method', { fr: 'Mode de scrutin', en: 'Voting method' }, VOTE_METHOD_LABELS),
    ...codedColumns('secrecy', { fr: 'Scrutin', en: 'Ballot' }, SECRECY_LABELS),
    ...codedColumns('binding', { fr: 'Décisionnel', en: 'Binding' }, BOOLEAN_LABELS),
    ...codedColumns('outcome', { fr: 'Résultat', en: 'Outcome' }, OUTCOME_LABELS),
    ...codedColumns('quorum_met', { fr: 'Quorum atteint', en: 'Quorum met' }, BOOLEAN_LABELS),
    { key: 'eligible', header: { fr: 'Inscrits', en: 'Eligible' } },
    { key: 'participations', header: { fr: 'Votants', en: 'Voters' } },
    { key: 'turnout_percent', header: { fr: 'Participation (%)', en: 'Turnout (%)' } },
    { key: 'winners', header: { fr: 'Option(s) retenue(s)', en: 'Winning option(s)' }, text: true },
    { key: 'result_hash', header: { fr: 'Empreinte du résultat', en: 'Result hash' } },
    { key: 'proposal_id', header: { fr: 'Proposition (identifiant)', en: 'Proposal (id)' } },
    { key: 'proposal_title', header: { fr: 'Proposition', en: 'Proposal' }, text: true },
  ],
};

export const PARTICIPATION_COLUMNS: ExportColumn[] = [
  { key: 'vote_id', header: { fr: 'Vote (identifiant)', en: 'Vote (id)' } },
  { key: { fr: 'title_fr', en: 'title_en' }, header: { fr: 'Vote', en: 'Vote' }, text: true },
  { key: 'closed_at', header: { fr: 'Clos le', en: 'Closed at' } },
  ...codedColumns('secrecy', { fr: 'Scrutin', en: 'Ballot' }, SECRECY_LABELS),
  ...codedColumns('dimension', { fr: 'Ventilation', en: 'Breakdown' }, BREAKDOWN_LABELS),
  { key: 'key', header: { fr: 'Catégorie', en: 'Group' } },
  { key: { fr: 'label_fr', en: 'label_en' }, header: { fr: 'Libellé', en: 'Label' } },
  { key: 'eligible', header: { fr: 'Inscrits', en: 'Eligible' } },
  { key: 'voters', header: { fr: 'Votants', en: 'Voters' } },
  { key: 'turnout_percent', header: { fr: 'Participation (%)', en: 'Turnout (%)' } },
  ...codedColumns(
    'suppressed',
    { fr: 'Masqué (moins de 5 votants)', en: 'Suppressed (under 5 voters)' },
    BOOLEAN_LABELS,
  ),
];

/** Turnout by college and region of every closed vote, small cells of secret votes suppressed. */
export const PARTICIPATION_CSV: CsvExport = {
  sql: participationCellsSql('true'),
  params: PARTICIPATION_PARAMS,
  columns: PARTICIPATION_COLUMNS,
};
