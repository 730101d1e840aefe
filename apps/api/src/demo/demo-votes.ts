import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AgendaItemKind,
  AssembliesService,
  AssemblyKind,
  AssemblyMode,
  GeneralAssemblyType,
} from '@delibera/assemblies';
import { AuthUser } from '@delibera/kernel';
import { ProposalLifecycleService, ProposalsService } from '@delibera/proposals';
import { BallotBoxService, Vote, VoteLifecycleService, VotesService } from '@delibera/voting';
import { DAY_MS } from './demo-people';

/**
 * Takes a proposal in deliberation to its vote, open now until `closesAt`.
 * A general-assembly decision is voted by the assembly whose agenda holds it,
 * and the demo shows votes running now: each goes to a special assembly held
 * asynchronously (every active member on the roll), convened with the
 * charter's notice and then moved, in SQL, to have started. The charter's
 * deliberation lasts days too: its end is moved to now and the deliberation
 * deadline runs as its job would, so the vote is created by the voting lib
 * from the charter rule, then opened by the secretary (roll frozen, anchored
 * in the audit chain).
 */
export async function openProposalVote(
  app: INestApplication,
  secretary: AuthUser,
  proposalId: string,
  titleEn: string,
  closesAt: Date,
): Promise<Vote> {
  const dataSource = app.get(DataSource);
  const proposal = await app.get(ProposalsService).byId(proposalId);
  const assembly = await app.get(AssembliesService).convene(secretary, {
    kind: AssemblyKind.GeneralAssembly,
    generalAssemblyType: GeneralAssemblyType.Special,
    mode: AssemblyMode.Asynchronous,
    titleFr: `Assemblée extraordinaire en ligne : ${proposal.title}`,
    titleEn: `Online special general meeting: ${titleEn}`,
    url: 'https://portail.demo.delibera.quebec/assemblees',
    startsAt: new Date(Date.now() + 45 * DAY_MS),
    endsAt: new Date(Date.now() + 60 * DAY_MS),
    agenda: [
      {
        kind: AgendaItemKind.Proposal,
        titleFr: proposal.title,
        titleEn,
        refId: proposalId,
        decisionType: proposal.decisionType,
      },
    ],
  });
  await dataSource.query(
    `UPDATE assembly SET starts_at = now() - interval '1 hour', ends_at = $2 WHERE id = $1`,
    [assembly.id, closesAt],
  );
  await dataSource.query(
    `UPDATE proposal SET deliberation_ends_at = now() - interval '1 second',
              voting_opens_at = now(), voting_closes_at = $2
        WHERE id = $1 AND status = 'deliberation'`,
    [proposalId, closesAt],
  );
  const outcome = await app
    .get(ProposalLifecycleService)
    .runDeliberationDeadline(proposalId, proposal.scheduleVersion);
  if (outcome !== 'done') throw new Error(`Demo: proposal ${proposalId} did not go to the vote`);
  const [{ id }] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM vote WHERE subject_type = 'proposal' AND subject_id = $1`,
    [proposalId],
  );
  await app.get(VoteLifecycleService).open(id, { by: 'secretary', actor: secretary });
  return app.get(VotesService).byId(id);
}

/** Schedules a vote (opening a minute from now) and opens it at once, as the secretary may. */
export async function openVote(
  app: INestApplication,
  secretary: AuthUser,
  input: Omit<Parameters<VotesService['schedule']>[1], 'opensAt'>,
): Promise<Vote> {
  const vote = await app
    .get(VotesService)
    .schedule(secretary, { ...input, opensAt: new Date(Date.now() + 60_000) });
  await app.get(VoteLifecycleService).open(vote.id, { by: 'secretary', actor: secretary });
  return vote;
}

/** Each voter casts a yes/no ballot through the ballot box (receipts and participations are real). */
export async function castYesNo(
  app: INestApplication,
  voteId: string,
  ballots: [AuthUser, 'yes' | 'no'][],
): Promise<void> {
  const box = app.get(BallotBoxService);
  for (const [voter, option] of ballots) await box.cast(voter, voteId, { option });
}

/**
 * Closes and tallies a vote whose ballots are in. Its closing date lies days
 * ahead (the charter's voting period); the demo shows a decided vote, so the
 * date is moved to now in SQL and the close and tally then run as their jobs
 * would: the result, its hash, the proposal's decision and the audit trail are
 * the real ones.
 */
export async function closeAndTally(app: INestApplication, voteId: string): Promise<void> {
  const dataSource = app.get(DataSource);
  await dataSource.query(`UPDATE vote SET closes_at = now() WHERE id = $1`, [voteId]);
  await dataSource.query(
    `UPDATE proposal SET voting_closes_at = now()
      WHERE id = (SELECT subject_id FROM vote WHERE id = $1 AND subject_type = 'proposal')`,
    [voteId],
  );
  const { version } = await app.get(VotesService).byId(voteId);
  const lifecycle = app.get(VoteLifecycleService);
  if (!(await lifecycle.close(voteId, { by: 'job', version }))) {
    throw new Error(`Demo: vote ${voteId} did not close`);
  }
  if (!(await lifecycle.tally(voteId))) throw new Error(`Demo: vote ${voteId} was not tallied`);
}

/** A closing date `days` ahead, at 17:00 Québec time (22:00 UTC in winter). */
export function closingIn(days: number): Date {
  const day = new Date(Date.now() + days * DAY_MS);
  day.setUTCHours(22, 0, 0, 0);
  return day;
}
