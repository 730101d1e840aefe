import { INestApplication } from '@nestjs/common';
import { DecisionType } from '@delibera/charter';
import { CouncilsService, SeatStatus } from '@delibera/councils';
import {
  ArgumentStance,
  DeliberationService,
  FlagKind,
  ModerationService,
} from '@delibera/deliberation';
import { AuthUser } from '@delibera/kernel';
import {
  ConsultationService,
  OpinionPosition,
  ProposalLifecycleService,
} from '@delibera/proposals';
import { VoteLifecycleService } from '@delibera/voting';
import { DemoCouncils } from './demo-councils';
import { DAY_MS, DemoPeople } from './demo-people';
import { castYesNo, closeAndTally, closingIn, openProposalVote } from './demo-votes';

/** The demo's proposals by phase, for the vote and assembly seeds that refer to them. */
export interface DemoProposals {
  draft: string;
  initiative: string;
  consultation: string;
  deliberation: string;
  /** In voting: its vote is open now and the demo member has not voted yet. */
  voting: string;
  openVoteId: string;
  rejected: string;
}

const viewer = (user: AuthUser) => ({
  accountId: user.accountId,
  memberId: user.memberId,
  councilIds: new Set<string>(),
  moderator: false,
});

/**
 * Proposals in every phase, each driven through the proposals, deliberation
 * and voting services by the member who would act: a draft, an initiative
 * collecting co-signatures, one in consultation (the youth council's opinion
 * published, the others pending), one in deliberation (arguments for and
 * against, a reply, a flagged argument), one in voting and one rejected.
 * The adopted one is the 2026 contribution scale (demo-contributions.ts).
 */
export async function seedProposals(
  app: INestApplication,
  people: DemoPeople,
  councils: DemoCouncils,
): Promise<DemoProposals> {
  const lifecycle = app.get(ProposalLifecycleService);
  const { secretary, persons } = people;
  const tabled = async (decisionType: DecisionType, title: string, body: string) => {
    const draft = await lifecycle.draft(secretary, { decisionType, title, body, tabled: true });
    return (await lifecycle.submit(secretary, draft.id)).id;
  };

  // A member's draft, not yet submitted (edited once: two versions).
  const draft = await lifecycle.draft(people.member, {
    decisionType: DecisionType.OrdinaryResolution,
    title: 'Des rencontres régionales chaque printemps',
    body: 'Que la fiducie tienne une rencontre publique dans chaque région administrative.',
  });
  await lifecycle.editDraft(people.member, {
    proposalId: draft.id,
    title: 'Des rencontres régionales chaque printemps',
    body: REGIONAL_MEETINGS,
    note: 'Précisions sur le calendrier et le budget',
  });

  // A member initiative collecting co-signatures (the charter asks for 50).
  const initiative = await lifecycle.draft(persons[7], {
    decisionType: DecisionType.OrdinaryResolution,
    title: 'Contribution réduite pour les petits organismes communautaires',
    body: SMALL_ORGANISATIONS,
  });
  await lifecycle.submit(persons[7], initiative.id);
  for (const signer of persons.slice(8, 20)) await lifecycle.cosign(signer, initiative.id);

  // In consultation: the youth council has published its opinion; seniors and artists have not.
  const consultation = await tabled(
    DecisionType.SpecialResolution,
    'Politique de savoir ouvert',
    OPEN_KNOWLEDGE,
  );
  await publishYouthOpinion(app, people, councils, consultation);

  // In deliberation: arguments for and against, a reply, and an argument flagged for moderation.
  const deliberation = await tabled(
    DecisionType.OrdinaryResolution,
    'Assemblée générale annuelle hybride, en rotation dans les régions',
    HYBRID_ASSEMBLY,
  );
  await seedArguments(app, people, deliberation);

  // In voting now: the demo member can vote (secret ballot, closes in four days).
  const voting = await tabled(DecisionType.Budget, 'Budget de fonctionnement 2027', BUDGET_2027);
  const openVote = await openProposalVote(
    app,
    secretary,
    voting,
    '2027 operating budget',
    closingIn(4),
  );
  await castYesNo(
    app,
    openVote.id,
    persons.slice(6, 18).map((voter, n) => [voter, n % 4 === 3 ? 'no' : 'yes']),
  );

  // Rejected: the members kept the registered office in Rimouski.
  const rejected = await tabled(
    DecisionType.OrdinaryResolution,
    'Déménager le siège social à Montréal',
    HEAD_OFFICE,
  );
  const rejectedVote = await openProposalVote(
    app,
    secretary,
    rejected,
    'Move the registered office to Montreal',
    closingIn(1),
  );
  await castYesNo(app, rejectedVote.id, [
    ...persons
      .slice(0, 30)
      .map((voter, n): [AuthUser, 'yes' | 'no'] => [voter, n % 3 === 0 ? 'yes' : 'no']),
    ...people.organisations.map((org, n): [AuthUser, 'yes' | 'no'] => [
      org,
      n % 4 === 0 ? 'yes' : 'no',
    ]),
  ]);
  await closeAndTally(app, rejectedVote.id);

  return {
    draft: draft.id,
    initiative: initiative.id,
    consultation,
    deliberation,
    voting,
    openVoteId: openVote.id,
    rejected,
  };
}

/**
 * The youth council's chair drafts the opinion and puts it to the council's
 * vote; the seated members vote (one against), the vote closes and its
 * count publishes the opinion.
 */
async function publishYouthOpinion(
  app: INestApplication,
  people: DemoPeople,
  councils: DemoCouncils,
  proposalId: string,
): Promise<void> {
  const consultation = app.get(ConsultationService);
  const [requests] = await consultation.requestsOf([proposalId]);
  const request = requests.find((r) => r.councilId === councils.get('youth'));
  if (!request) throw new Error('Demo: the youth council was not consulted');
  const chair = people.youthChair;
  const opinion = await consultation.draftOpinion(chair, {
    consultationId: request.id,
    position: OpinionPosition.FavourableWithConditions,
    text: YOUTH_OPINION,
  });
  const { voteId } = await consultation.putOpinionToVote(chair, {
    opinionId: opinion.id,
    // The charter's minimum for a council opinion's vote (2 days), closing before the consultation is due.
    closesAt: new Date(Math.min(Date.now() + 3 * DAY_MS, request.dueAt.getTime() - 60_000)),
  });
  await app.get(VoteLifecycleService).open(voteId!, { by: 'secretary', actor: people.secretary });
  const [seats] = await app.get(CouncilsService).openSeatsByCouncil([request.councilId]);
  const seated = new Set(
    seats.filter((seat) => seat.status === SeatStatus.Active).map((s) => s.memberId),
  );
  const voters = people.persons.filter((p) => p.memberId && seated.has(p.memberId));
  await castYesNo(
    app,
    voteId!,
    voters.map((voter, i): [AuthUser, 'yes' | 'no'] => [voter, i === 1 ? 'no' : 'yes']),
  );
  await closeAndTally(app, voteId!);
}

async function seedArguments(
  app: INestApplication,
  people: DemoPeople,
  proposalId: string,
): Promise<void> {
  const deliberation = app.get(DeliberationService);
  const { persons } = people;
  const post = (author: AuthUser, stance: ArgumentStance, body: string) =>
    deliberation.post(viewer(author), { proposalId, stance, body });
  await post(
    persons[6],
    ArgumentStance.For,
    'En Gaspésie comme sur la Côte-Nord, se rendre à Québec pour une soirée coûte une journée de route. ' +
      'Le mode hybride permet enfin à nos membres éloignés de voter en séance.',
  );
  const against = await post(
    persons[8],
    ArgumentStance.Against,
    'La rotation multiplie les frais de salle et de technique : au moins 12 000 $ de plus par année, ' +
      'pris sur le fonds des projets.',
  );
  await deliberation.reply(viewer(persons[10]), {
    argumentId: against.id,
    stance: ArgumentStance.For,
    body:
      'Les cégeps et les bibliothèques municipales membres offrent leurs salles : ' +
      'la Ville de Rimouski en a déjà proposé une gratuitement.',
  });
  await post(
    persons[12],
    ArgumentStance.Question,
    'Le vote électronique en séance sera-t-il secret pour les personnes présentes en salle ?',
  );
  const dubious = await post(
    persons[13],
    ArgumentStance.Against,
    'La loi interdit aux fiducies d’utilité sociale de tenir leur assemblée à distance.',
  );
  await app.get(ModerationService).flag(viewer(persons[14]), {
    argumentId: dubious.id,
    kind: FlagKind.SourceNeeded,
    note: 'Quel article du Code civil ? Je ne trouve rien de tel à l’article 1270.',
  });
}

const REGIONAL_MEETINGS = `## Proposition

Que la fiducie tienne, chaque printemps, une rencontre publique dans chacune
des 17 régions administratives du Québec, ouverte aux membres et au public.

## Pourquoi

Les membres des régions éloignées participent deux fois moins aux votes que
ceux de la Capitale-Nationale. Une rencontre annuelle près de chez eux
leur permet de connaître les projets et d’en proposer.

## Budget

Environ 2 500 $ par rencontre (salle, collation, déplacements), soit 42 500 $.`;

const SMALL_ORGANISATIONS = `## Proposition

Que les organismes communautaires de moins de cinq employés versent la moitié
de la contribution de leur palier, à compter du barème 2027.

## Pourquoi

Pour un centre communautaire dont le budget annuel est de 150 000 $, la
contribution actuelle représente près d’une semaine de salaire d’une
intervenante.`;

const OPEN_KNOWLEDGE = `## Proposition

1. Toute production financée par la fiducie (études, données, logiciels,
   guides) est publiée sous licence libre : CC BY 4.0 pour les textes et les
   données, une licence approuvée par l’OSI pour les logiciels.
2. Les données sont publiées dans un format ouvert, au plus tard six mois
   après la fin du projet.
3. Une exception motivée (renseignements personnels, savoirs autochtones
   protégés) est décidée par le conseil d’administration et rendue publique.

## Pourquoi

Ce que les membres financent ensemble doit profiter à toute la société
québécoise : c’est le sens même d’une fiducie d’utilité sociale.`;

const HYBRID_ASSEMBLY = `## Proposition

Que l’assemblée générale annuelle se tienne en mode hybride (en salle et en
ligne, avec vote électronique), chaque année dans une région différente,
selon une rotation publiée trois ans à l’avance.`;

const BUDGET_2027 = `## Budget de fonctionnement 2027

| Poste | Montant |
|---|---|
| Secrétariat et coordination | 185 000 $ |
| Soutien aux conseils (jeunes, aînés, artistes) | 36 000 $ |
| Rencontres régionales et assemblée | 48 000 $ |
| Plateforme Delibera (hébergement, sécurité) | 22 000 $ |
| Vérification comptable | 14 000 $ |
| **Total** | **305 000 $** |

Financé par les contributions des organisations membres (barème 2027) et les
cotisations individuelles.`;

const HEAD_OFFICE = `## Proposition

Que le siège social de la fiducie soit déménagé de Rimouski à Montréal, pour
rapprocher le secrétariat des grands partenaires institutionnels.`;

const YOUTH_OPINION = `Le Conseil des jeunes est favorable à la politique de savoir ouvert, à une
condition : que les productions des membres de moins de 30 ans soient
créditées nommément, et que la fiducie offre un atelier annuel sur les
licences libres dans les cégeps membres.`;
