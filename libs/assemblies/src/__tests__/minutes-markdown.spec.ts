import {
  AgendaItemKind,
  AssemblyKind,
  AssemblyMode,
  AssemblyStatus,
  GeneralAssemblyType,
} from '../assemblies.enums';
import { MinutesFacts } from '../minutes/minutes-facts';
import { renderMinutes } from '../minutes/minutes.markdown';

const facts: MinutesFacts = {
  assembly: {
    kind: AssemblyKind.GeneralAssembly,
    generalAssemblyType: GeneralAssemblyType.Special,
    mode: AssemblyMode.InPerson,
    status: AssemblyStatus.Closed,
    titleFr: 'AGE 2026',
    titleEn: 'SGA 2026',
    place: 'Salle Desjardins, Québec',
    url: null,
    startsAt: new Date('2026-06-13T17:00:00Z'),
    endsAt: new Date('2026-06-13T21:00:00Z'),
    convenedAt: new Date('2026-05-01T14:00:00Z'),
    noticeDays: 30,
  },
  agenda: [
    {
      position: 1,
      kind: AgendaItemKind.Information,
      titleFr: 'Mot de bienvenue',
      titleEn: 'Welcome',
      refId: null,
      votes: [],
    },
    {
      position: 2,
      kind: AgendaItemKind.Proposal,
      titleFr: 'Amendement',
      titleEn: 'Amendment',
      refId: 'p',
      votes: [
        {
          outcome: 'rejected',
          ballots: 35,
          scores: [
            { label: { fr: 'Pour', en: 'For' }, score: '7750/117' },
            { label: { fr: 'Contre', en: 'Against' }, score: '3950/117' },
          ],
          elected: [],
          rule: {
            fr: 'au moins 2/3 des voix exprimées, pondérées par collège',
            en: 'at least 2/3 of votes cast, weighted by college',
          },
        },
      ],
    },
    {
      position: 3,
      kind: AgendaItemKind.Proposal,
      titleFr: 'Idée discutée',
      titleEn: 'Idea discussed',
      refId: 'q',
      votes: [],
    },
  ],
  attendance: {
    present: 30,
    remote: 0,
    represented: 5,
    byCollege: [
      { nameFr: 'Individus', nameEn: 'Individuals', present: 30, remote: 0, represented: 5 },
    ],
  },
  proxies: 5,
  quorum: {
    present: 30,
    represented: 5,
    eligible: 40,
    numerator: 1,
    denominator: 10,
    required: 4,
    met: true,
  },
  registrations: 0,
};

describe('minutes (procès-verbal) as Markdown', () => {
  it('writes the French minutes with Québec dates, attendance, quorum and each decision', () => {
    expect(renderMinutes(facts, 'fr')).toBe(
      [
        '# Procès-verbal — AGE 2026',
        '',
        'Assemblée générale extraordinaire, en personne (terminée).',
        'Tenue du 13 juin 2026 à 13 h 00 au 13 juin 2026 à 17 h 00.',
        'Lieu : Salle Desjardins, Québec.',
        'Avis de convocation donné le 1 mai 2026 à 10 h 00 (préavis requis : 30 jours).',
        '',
        '## Présences',
        '',
        '- Présents en salle : 30',
        '- Présents à distance : 0',
        '- Représentés par procuration : 5',
        '- Procurations en vigueur : 5',
        '',
        '| Collège | Présents en salle | Présents à distance | Représentés par procuration |',
        '| --- | ---: | ---: | ---: |',
        '| Individus | 30 | 0 | 5 |',
        '',
        '## Quorum',
        '',
        '35 membres présents ou représentés sur 40 membres actifs ; quorum de 1/10 (4 membres) atteint.',
        '',
        '## Ordre du jour et décisions',
        '',
        '### 1. Mot de bienvenue (Information)',
        '',
        '### 2. Amendement (Proposition)',
        '',
        '- **Rejetée** — Bulletins : 35',
        '- Règle : au moins 2/3 des voix exprimées, pondérées par collège',
        '  - Pour : 7750/117',
        '  - Contre : 3950/117',
        '',
        '### 3. Idée discutée (Proposition)',
        '',
        'Discuté ; aucune décision.',
        '',
      ].join('\n'),
    );
  });

  it('writes the same facts in English', () => {
    const en = renderMinutes(facts, 'en');
    expect(en).toContain('Special general assembly, in person (closed).');
    expect(en).toContain('Held from June 13, 2026 at 1:00 p.m. to June 13, 2026 at 5:00 p.m.');
    expect(en).toContain('- **Rejected** — Ballots: 35\n- Rule: at least 2/3 of votes cast');
    expect(en).toContain(
      '35 members present or represented out of 40 active members; quorum of 1/10 (4 members) met.',
    );
  });
});
