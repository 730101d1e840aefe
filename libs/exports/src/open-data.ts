import { Localized } from '@delibera/kernel';
import { MIN_CELL_VOTERS, participationCellsSql } from './participation.sql';

/**
 * The open-data export: public decisions and their aggregate results, for
 * research partners, under CC BY-SA 4.0. No personal data: no member, no
 * account, no name of a candidate (elections give their outcome and counts
 * only), no date finer than the day; breakdowns of secret votes hide cells
 * of fewer than MIN_CELL_VOTERS voters. Council votes (their opinions are
 * published with the proposal) and surveys (consultations, not decisions)
 * are left out.
 */
export const PUBLIC_VOTES = `v.status = 'tallied'
  AND v.electorate_kind IN ('all_members', 'assembly', 'board')
  AND v.subject_type IN ('proposal', 'amendment', 'referendum', 'election', 'assembly_item')`;

export const LICENCE = {
  id: 'CC-BY-SA-4.0',
  name: 'Creative Commons Attribution-ShareAlike 4.0 International',
  url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  attribution: {
    fr: 'Données ouvertes de la fiducie d’utilité sociale, publiées avec Delibera',
    en: 'Open data of the social-utility trust, published with Delibera',
  },
};

export const OPEN_DATA_PATHS = {
  decisionsJson: '/open-data/decisions.json',
  decisionsCsv: '/open-data/decisions.csv',
  participationCsv: '/open-data/participation.csv',
  dictionary: '/open-data/dictionary.json',
};

/** What every open-data document says about itself. */
export function openDataMetadata(now: Date) {
  return {
    licence: LICENCE,
    generatedAt: now.toISOString(),
    dictionary: OPEN_DATA_PATHS.dictionary,
    suppression: {
      minVoters: MIN_CELL_VOTERS,
      rule: {
        fr: `Dans un vote secret, une case de ventilation de 1 à ${MIN_CELL_VOTERS - 1} votants est masquée, ainsi que la plus petite autre case non vide quand elle serait la seule masquée.`,
        en: `In a secret vote, a breakdown cell of 1 to ${MIN_CELL_VOTERS - 1} voters is hidden, and so is the smallest other non-empty cell when it would be the only one hidden.`,
      },
    },
  };
}

export const PUBLIC_PARTICIPATION_SQL = participationCellsSql(PUBLIC_VOTES);

/** Option totals are published for motions and one-of-n questions, never for elections (candidates are people). */
const OPTION_TOTALS = `
  CASE WHEN v.method = 'choice' AND v.subject_type <> 'election'
            AND (v.secrecy = 'named' OR r.participations >= ${MIN_CELL_VOTERS}) THEN (
    SELECT jsonb_object_agg(t.choice, t.n ORDER BY t.choice) FROM (
      SELECT coalesce(b.content ->> 'option', b.content #>> '{}') AS choice, count(*)::int AS n
        FROM ballot b WHERE b.vote_id = v.id GROUP BY 1) t)
  END`;

/** One row per public decision; `participation` (JSON only) nests its breakdown cells. */
export function decisionsSql(withParticipation: boolean): string {
  const cells = withParticipation ? `WITH cells AS (${PUBLIC_PARTICIPATION_SQL})` : '';
  const participation = withParticipation
    ? `, (SELECT coalesce(jsonb_agg(jsonb_build_object(
          'dimension', c.dimension, 'key', c.key, 'labelFr', c.label_fr, 'labelEn', c.label_en,
          'eligible', c.eligible, 'voters', c.voters, 'turnoutPercent', c.turnout_percent::numeric,
          'suppressed', c.suppressed) ORDER BY c.dimension, c.key), '[]'::jsonb)
          FROM cells c WHERE c.vote_id = v.id AND c.dimension <> 'total') AS participation`
    : '';
  return `
  ${cells}
  SELECT v.id AS vote_id, v.decision_type::text AS decision_type, v.subject_type, v.title_fr, v.title_en,
         v.electorate_kind AS deciding_body, v.method::text AS method, v.secrecy::text AS secrecy, v.binding,
         to_char(v.opened_at AT TIME ZONE 'America/Montreal', 'YYYY-MM-DD') AS opened_on,
         to_char(v.closed_at AT TIME ZONE 'America/Montreal', 'YYYY-MM-DD') AS closed_on,
         r.outcome, r.quorum_met, r.eligible, r.participations AS voters,
         CASE WHEN r.eligible > 0 THEN round(100.0 * r.participations / r.eligible, 1)::float8 END AS turnout_percent,
         CASE WHEN v.subject_type <> 'election' THEN r.winners END AS winners,
         ${OPTION_TOTALS} AS option_totals,
         r.hash AS result_hash, v.roll_fingerprint, v.open_audit_head, v.close_audit_head
         ${participation}
    FROM vote v JOIN vote_result r ON r.vote_id = v.id
   WHERE ${PUBLIC_VOTES}
   ORDER BY v.closed_at, v.id`;
}

interface Field {
  name: string;
  type:
    'uuid' | 'text' | 'date' | 'boolean' | 'integer' | 'decimal' | 'text[]' | 'object' | 'array';
  fr: string;
  en: string;
  values?: string[];
}

const DECISION_FIELDS: Field[] = [
  { name: 'voteId', type: 'uuid', fr: 'Identifiant du vote.', en: 'Id of the vote.' },
  {
    name: 'decisionType',
    type: 'text',
    fr: 'Type de décision selon la charte.',
    en: 'Decision type under the charter.',
    values: [
      'ordinary_resolution',
      'special_resolution',
      'charter_amendment',
      'contribution_scale',
      'budget',
      'trustee_election',
      'council_opinion',
      'referendum',
      'admission',
    ],
  },
  {
    name: 'subjectType',
    type: 'text',
    fr: 'Ce qui est mis aux voix.',
    en: 'What is put to the vote.',
    values: ['proposal', 'amendment', 'referendum', 'election', 'assembly_item'],
  },
  {
    name: 'titleFr',
    type: 'text',
    fr: 'Intitulé du vote, en français.',
    en: 'Title of the vote, in French.',
  },
  {
    name: 'titleEn',
    type: 'text',
    fr: 'Intitulé du vote, en anglais.',
    en: 'Title of the vote, in English.',
  },
  {
    name: 'decidingBody',
    type: 'text',
    fr: 'Instance qui décide : tous les membres, une assemblée, le conseil des fiduciaires.',
    en: 'Deciding body: all members, an assembly, the board of trustees.',
    values: ['all_members', 'assembly', 'board'],
  },
  {
    name: 'method',
    type: 'text',
    fr: 'Mode de scrutin.',
    en: 'Voting method.',
    values: ['choice', 'approval', 'irv', 'schulze', 'ranked_pairs', 'stv', 'majority_judgment'],
  },
  {
    name: 'secrecy',
    type: 'text',
    fr: 'Scrutin secret ou nominal.',
    en: 'Secret or named ballot.',
    values: ['secret', 'named'],
  },
  {
    name: 'binding',
    type: 'boolean',
    fr: 'Décisionnel (vrai) ou consultatif (faux).',
    en: 'Binding (true) or consultative (false).',
  },
  {
    name: 'openedOn',
    type: 'date',
    fr: "Date d'ouverture du vote (heure de Montréal).",
    en: 'Date the vote opened (Montréal time).',
  },
  {
    name: 'closedOn',
    type: 'date',
    fr: 'Date de clôture du vote (heure de Montréal).',
    en: 'Date the vote closed (Montréal time).',
  },
  {
    name: 'outcome',
    type: 'text',
    fr: 'Résultat.',
    en: 'Outcome.',
    values: ['adopted', 'rejected', 'quorum_not_met', 'elected', 'completed'],
  },
  { name: 'quorumMet', type: 'boolean', fr: 'Le quorum a été atteint.', en: 'The quorum was met.' },
  {
    name: 'eligible',
    type: 'integer',
    fr: 'Membres inscrits sur la liste électorale figée.',
    en: 'Members on the frozen roll.',
  },
  {
    name: 'voters',
    type: 'integer',
    fr: 'Membres ayant voté (eux-mêmes ou par procuration).',
    en: 'Members who voted (themselves or by proxy).',
  },
  {
    name: 'turnoutPercent',
    type: 'decimal',
    fr: 'Votants / inscrits, en %, une décimale.',
    en: 'Voters / eligible, in %, one decimal.',
  },
  {
    name: 'winners',
    type: 'text[]',
    fr: 'Option(s) retenue(s), par identifiant d’option ; vide pour une élection (les candidats sont des personnes).',
    en: 'Winning option id(s); empty for an election (candidates are people).',
  },
  {
    name: 'optionTotals',
    type: 'object',
    fr: 'Bulletins par option (vote à choix hors élection ; vote secret : au moins 5 votants), y compris « abstain » et « blank ».',
    en: 'Ballots per option (choice votes other than elections; secret votes: at least 5 voters), "abstain" and "blank" included.',
  },
  {
    name: 'resultHash',
    type: 'text',
    fr: 'Empreinte sha256 du résultat publié : un recomptage doit la reproduire.',
    en: 'sha256 of the published result: a recount must reproduce it.',
  },
  {
    name: 'rollFingerprint',
    type: 'text',
    fr: 'Empreinte sha256 de la liste électorale figée.',
    en: 'sha256 of the frozen roll.',
  },
  {
    name: 'openAuditHead',
    type: 'text',
    fr: 'Tête de la chaîne du journal d’audit publiée à l’ouverture.',
    en: 'Audit chain head published when the vote opened.',
  },
  {
    name: 'closeAuditHead',
    type: 'text',
    fr: 'Tête de la chaîne du journal d’audit publiée à la clôture.',
    en: 'Audit chain head published when the vote closed.',
  },
  {
    name: 'participation',
    type: 'array',
    fr: 'JSON seulement : la participation par collège et par région (voir le jeu « participation »).',
    en: 'JSON only: turnout by college and by region (see the "participation" dataset).',
  },
];

const PARTICIPATION_FIELDS: Field[] = [
  { name: 'voteId', type: 'uuid', fr: 'Identifiant du vote.', en: 'Id of the vote.' },
  {
    name: 'dimension',
    type: 'text',
    fr: 'Ventilation : total, par collège électoral, par région administrative (région actuelle du membre).',
    en: "Breakdown: total, by electoral college, by administrative region (the member's current region).",
    values: ['total', 'college', 'region'],
  },
  {
    name: 'key',
    type: 'text',
    fr: 'Code du collège ou de la région (01 à 17) ; vide pour le total.',
    en: 'College or region code (01 to 17); empty for the total.',
  },
  {
    name: 'labelFr',
    type: 'text',
    fr: 'Nom du collège ou de la région, en français.',
    en: 'College or region name, in French.',
  },
  {
    name: 'labelEn',
    type: 'text',
    fr: 'Nom du collège ou de la région, en anglais.',
    en: 'College or region name, in English.',
  },
  {
    name: 'eligible',
    type: 'integer',
    fr: 'Inscrits dans la case.',
    en: 'Eligible members in the cell.',
  },
  {
    name: 'voters',
    type: 'integer',
    fr: 'Votants dans la case ; vide si masqué.',
    en: 'Voters in the cell; empty when suppressed.',
  },
  {
    name: 'turnoutPercent',
    type: 'decimal',
    fr: 'Votants / inscrits, en % ; vide si masqué.',
    en: 'Voters / eligible, in %; empty when suppressed.',
  },
  {
    name: 'suppressed',
    type: 'boolean',
    fr: `Masqué pour protéger le secret du vote (moins de ${MIN_CELL_VOTERS} votants, ou masquage complémentaire).`,
    en: `Hidden to protect the secret ballot (under ${MIN_CELL_VOTERS} voters, or complementary suppression).`,
  },
];

export const DICTIONARY: {
  title: Localized;
  datasets: { name: string; files: string[]; description: Localized; fields: Field[] }[];
} = {
  title: {
    fr: 'Dictionnaire des données ouvertes des décisions',
    en: 'Data dictionary of the open decisions data',
  },
  datasets: [
    {
      name: 'decisions',
      files: [OPEN_DATA_PATHS.decisionsJson, OPEN_DATA_PATHS.decisionsCsv],
      description: {
        fr: 'Une ligne par décision publique comptée (votes de tous les membres, des assemblées et du conseil des fiduciaires).',
        en: 'One row per counted public decision (votes of all members, of assemblies and of the board of trustees).',
      },
      fields: DECISION_FIELDS,
    },
    {
      name: 'participation',
      files: [OPEN_DATA_PATHS.participationCsv, OPEN_DATA_PATHS.decisionsJson],
      description: {
        fr: 'Participation de chaque décision publique, au total, par collège et par région.',
        en: 'Turnout of each public decision, in total, by college and by region.',
      },
      fields: PARTICIPATION_FIELDS,
    },
  ],
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A decision row as the JSON document gives it: the dictionary's field names, in its order. */
export function decisionItem(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    DECISION_FIELDS.filter((field) => snake(field.name) in row).map((field) => [
      field.name,
      row[snake(field.name)],
    ]),
  );
}

/** CSV columns of the open datasets: the dictionary's field names, stable across languages. */
export function openCsvColumns(dataset: 'decisions' | 'participation') {
  const fields = dataset === 'decisions' ? DECISION_FIELDS : PARTICIPATION_FIELDS;
  return fields
    .filter((field) => field.type !== 'array')
    .map((field) => ({
      key: snake(field.name),
      header: { fr: field.name, en: field.name },
      text: field.type === 'text',
      format: field.type === 'text[]' || field.type === 'object' ? csvJson : undefined,
    }));
}

const csvJson = (value: unknown) =>
  value === null || value === undefined
    ? null
    : Array.isArray(value)
      ? value.join(' | ')
      : JSON.stringify(value);
