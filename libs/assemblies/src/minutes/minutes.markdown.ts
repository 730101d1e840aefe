import { formatDateTime, Locale } from '@delibera/kernel';
import { AgendaItemKind, AssemblyKind, AssemblyMode } from '../assemblies.enums';
import { localTitle } from '../format';
import { MinutesFacts, VoteSummary } from './minutes-facts';

const WORDS = {
  fr: {
    minutes: 'Procès-verbal',
    kind: {
      general_assembly: {
        annual: 'Assemblée générale annuelle',
        special: 'Assemblée générale extraordinaire',
      },
      council_meeting: 'Réunion de conseil',
      public_meeting: 'Rencontre publique',
    },
    mode: { in_person: 'en personne', hybrid: 'hybride', asynchronous: 'asynchrone' },
    status: { convened: 'convoquée', closed: 'terminée', cancelled: 'annulée' },
    held: 'Tenue',
    from: 'du',
    to: 'au',
    place: 'Lieu',
    online: 'En ligne',
    convened: (date: string, days: number) =>
      `Avis de convocation donné le ${date} (préavis requis : ${days} jours).`,
    attendance: 'Présences',
    present: 'Présents en salle',
    remote: 'Présents à distance',
    represented: 'Représentés par procuration',
    proxies: 'Procurations en vigueur',
    registrations: 'Inscriptions',
    college: 'Collège',
    quorum: 'Quorum',
    quorumLine: (q: NonNullable<MinutesFacts['quorum']>) =>
      `${q.present + q.represented} membres présents ou représentés sur ${q.eligible} membres actifs ; quorum de ${q.numerator}/${q.denominator} (${q.required} membres) ${q.met ? 'atteint' : 'non atteint'}.`,
    quorumPerVote: (q: NonNullable<MinutesFacts['quorum']>) =>
      `Assemblée asynchrone : le quorum de ${q.numerator}/${q.denominator} des ${q.eligible} membres actifs (${q.required} membres) est mesuré à chaque vote, sur les membres qui y ont pris part eux-mêmes ou par procuration.`,
    agenda: 'Ordre du jour et décisions',
    noItems: 'Aucun point.',
    item: {
      proposal: 'Proposition',
      vote: 'Vote',
      election: 'Élection',
      contribution_scale: 'Barème des contributions',
      information: 'Information',
    },
    discussed: 'Discuté ; aucune décision.',
    pending: 'Vote non clos.',
    ballots: 'Bulletins',
    outcome: {
      adopted: 'Adoptée',
      rejected: 'Rejetée',
      quorum_not_met: 'Quorum non atteint : aucune décision',
      elected: 'Élection terminée',
      completed: 'Vote terminé',
    },
    elected: 'Élu·es',
    rule: 'Règle',
  },
  en: {
    minutes: 'Minutes',
    kind: {
      general_assembly: { annual: 'Annual general assembly', special: 'Special general assembly' },
      council_meeting: 'Council meeting',
      public_meeting: 'Public meeting',
    },
    mode: { in_person: 'in person', hybrid: 'hybrid', asynchronous: 'asynchronous' },
    status: { convened: 'convened', closed: 'closed', cancelled: 'cancelled' },
    held: 'Held',
    from: 'from',
    to: 'to',
    place: 'Place',
    online: 'Online',
    convened: (date: string, days: number) =>
      `Notice given on ${date} (notice required: ${days} days).`,
    attendance: 'Attendance',
    present: 'Present in the room',
    remote: 'Present remotely',
    represented: 'Represented by proxy',
    proxies: 'Proxies in force',
    registrations: 'Registrations',
    college: 'College',
    quorum: 'Quorum',
    quorumLine: (q: NonNullable<MinutesFacts['quorum']>) =>
      `${q.present + q.represented} members present or represented out of ${q.eligible} active members; quorum of ${q.numerator}/${q.denominator} (${q.required} members) ${q.met ? 'met' : 'not met'}.`,
    quorumPerVote: (q: NonNullable<MinutesFacts['quorum']>) =>
      `Asynchronous assembly: the quorum of ${q.numerator}/${q.denominator} of the ${q.eligible} active members (${q.required} members) is measured on each vote, on the members who took part themselves or by proxy.`,
    agenda: 'Agenda and decisions',
    noItems: 'No items.',
    item: {
      proposal: 'Proposal',
      vote: 'Vote',
      election: 'Election',
      contribution_scale: 'Contribution scale',
      information: 'Information',
    },
    discussed: 'Discussed; no decision.',
    pending: 'Vote not closed.',
    ballots: 'Ballots',
    outcome: {
      adopted: 'Adopted',
      rejected: 'Rejected',
      quorum_not_met: 'Quorum not met: no decision',
      elected: 'Election completed',
      completed: 'Vote completed',
    },
    elected: 'Elected',
    rule: 'Rule',
  },
} as const;

function kindTitle(facts: MinutesFacts, locale: Locale): string {
  const words = WORDS[locale].kind;
  const { kind, generalAssemblyType } = facts.assembly;
  return kind === AssemblyKind.GeneralAssembly
    ? words.general_assembly[generalAssemblyType!]
    : words[kind];
}

/** French sets a space before a colon; English does not. */
const colonOf = (locale: Locale) => (locale === 'fr' ? ' : ' : ': ');

function voteLines(vote: VoteSummary, locale: Locale): string[] {
  const w = WORDS[locale];
  const colon = colonOf(locale);
  if (!vote.outcome) return [`- ${w.pending}`];
  const lines = [`- **${w.outcome[vote.outcome]}** — ${w.ballots}${colon}${vote.ballots}`];
  if (vote.rule) lines.push(`- ${w.rule}${colon}${vote.rule[locale]}`);
  for (const { label, score } of vote.scores) lines.push(`  - ${label[locale]}${colon}${score}`);
  if (vote.elected.length) {
    lines.push(`- ${w.elected}${colon}${vote.elected.map((name) => name[locale]).join(', ')}`);
  }
  return lines;
}

/**
 * The minutes (procès-verbal) in one language, as Markdown. Pure: dates are
 * written in Québec time, counts and results come from `facts` only.
 */
export function renderMinutes(facts: MinutesFacts, locale: Locale): string {
  const w = WORDS[locale];
  const colon = colonOf(locale);
  const { assembly } = facts;
  const out: string[] = [
    `# ${w.minutes} — ${localTitle(assembly, locale)}`,
    '',
    `${kindTitle(facts, locale)}, ${w.mode[assembly.mode]} (${w.status[assembly.status]}).`,
    `${w.held} ${w.from} ${formatDateTime(assembly.startsAt, locale)} ${w.to} ${formatDateTime(assembly.endsAt, locale)}.`,
  ];
  if (assembly.mode !== AssemblyMode.Asynchronous && assembly.place)
    out.push(`${w.place}${colon}${assembly.place}.`);
  if (assembly.url) out.push(`${w.online}${colon}${assembly.url}`);
  if (assembly.kind === AssemblyKind.GeneralAssembly) {
    out.push(w.convened(formatDateTime(assembly.convenedAt, locale), assembly.noticeDays));
  }

  const a = facts.attendance;
  out.push('', `## ${w.attendance}`, '');
  out.push(`- ${w.present}${colon}${a.present}`, `- ${w.remote}${colon}${a.remote}`);
  if (assembly.kind === AssemblyKind.GeneralAssembly) {
    out.push(
      `- ${w.represented}${colon}${a.represented}`,
      `- ${w.proxies}${colon}${facts.proxies}`,
    );
  } else {
    out.push(`- ${w.registrations}${colon}${facts.registrations}`);
  }
  if (a.byCollege.length) {
    out.push(
      '',
      `| ${w.college} | ${w.present} | ${w.remote} | ${w.represented} |`,
      '| --- | ---: | ---: | ---: |',
      ...a.byCollege.map(
        (c) =>
          `| ${locale === 'fr' ? c.nameFr : c.nameEn} | ${c.present} | ${c.remote} | ${c.represented} |`,
      ),
    );
  }
  if (facts.quorum) {
    const line = assembly.mode === AssemblyMode.Asynchronous ? w.quorumPerVote : w.quorumLine;
    out.push('', `## ${w.quorum}`, '', line(facts.quorum));
  }

  out.push('', `## ${w.agenda}`, '');
  if (facts.agenda.length === 0) out.push(w.noItems);
  for (const item of facts.agenda) {
    out.push(`### ${item.position}. ${localTitle(item, locale)} (${w.item[item.kind]})`, '');
    if (item.votes.length === 0 && item.kind === AgendaItemKind.Proposal) out.push(w.discussed);
    else if (item.votes.length === 0 && item.kind !== AgendaItemKind.Information) {
      out.push(`- ${w.pending}`);
    }
    for (const vote of item.votes) out.push(...voteLines(vote, locale));
    out.push('');
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
