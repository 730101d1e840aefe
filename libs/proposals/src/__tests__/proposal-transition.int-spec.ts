import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CharterVersion, DecisionType } from '@delibera/charter';
import {
  DomainEvent,
  DomainError,
  ProposalDecidedEvent,
  ProposalVotingStartedEvent,
} from '@delibera/kernel';
import { createDataSource } from '@delibera/platform';
import { createAccount } from '../../../../test/factories';
import { createTestDatabase } from '../../../../test/setup/test-database';
import { ProposalOrigin, ProposalStatus } from '../proposal-status';
import { ProposalsService } from '../proposals.service';

describe('proposal transitions', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let events: EventEmitter2;
  let proposals: ProposalsService;
  let accountId: string;
  let charterVersionId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource(db.url, 20);
    await dataSource.initialize();
    events = new EventEmitter2();
    proposals = new ProposalsService(dataSource, new AuditService(dataSource), events);
    accountId = (await createAccount(dataSource)).id;
    charterVersionId = (
      await dataSource.getRepository(CharterVersion).findOneByOrFail({ version: 1 })
    ).id;
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const draft = () =>
    proposals.createDraft({
      decisionType: DecisionType.OrdinaryResolution,
      origin: ProposalOrigin.Board,
      title: 'Adopter le plan',
      body: '# Plan\n\nTexte.',
      authorMemberId: null,
      createdByAccountId: accountId,
    });

  const move = (proposalId: string, to: ProposalStatus, set = {}) =>
    dataSource.transaction((manager) =>
      proposals.transition(manager, { proposalId, to, actorAccountId: accountId, set }),
    );

  it('keeps the first text as version 1', async () => {
    const proposal = await draft();
    const text = await proposals.currentText(proposal);
    expect(text).toMatchObject({ version: 1, body: '# Plan\n\nTexte.', note: 'initial' });
  });

  it('lets exactly one of 30 concurrent identical transitions through', async () => {
    const proposal = await draft();
    const attempts = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        move(proposal.id, ProposalStatus.Submitted, { submittedAt: new Date(), charterVersionId }),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((a) => (a.reason as DomainError).code)).toEqual(
      Array(29).fill('INVALID_TRANSITION'),
    );
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'proposal.submitted'`,
      [proposal.id],
    );
    expect(n).toBe(1);
  });

  it('refuses a skipped phase with INVALID_TRANSITION and changes nothing', async () => {
    const proposal = await draft();
    await expect(move(proposal.id, ProposalStatus.Voting)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      params: { from: 'draft', to: 'voting' },
    });
    expect((await proposals.byId(proposal.id)).status).toBe(ProposalStatus.Draft);
  });

  it('announces a final decision inside the transaction, and a failing listener rolls it back', async () => {
    const proposal = await draft();
    const votingOpensAt = new Date();
    const votingClosesAt = new Date(Date.now() + 86_400_000);
    for (const to of [
      ProposalStatus.Submitted,
      ProposalStatus.Deliberation,
      ProposalStatus.Voting,
    ]) {
      await move(proposal.id, to, {
        submittedAt: new Date(),
        charterVersionId,
        votingOpensAt,
        votingClosesAt,
      });
    }
    const failing = () => Promise.reject(new Error('listener failed'));
    events.on(DomainEvent.ProposalDecided, failing);
    await expect(move(proposal.id, ProposalStatus.Adopted)).rejects.toThrow('listener failed');
    events.off(DomainEvent.ProposalDecided, failing);
    expect((await proposals.byId(proposal.id)).status).toBe(ProposalStatus.Voting);

    const seen: Omit<ProposalDecidedEvent, 'manager'>[] = [];
    events.on(DomainEvent.ProposalDecided, ({ manager: _m, ...event }: ProposalDecidedEvent) => {
      seen.push(event);
    });
    const adopted = await move(proposal.id, ProposalStatus.Adopted);
    expect(adopted.decidedAt).toBeInstanceOf(Date);
    expect(seen).toEqual([
      {
        proposalId: proposal.id,
        decisionType: DecisionType.OrdinaryResolution,
        outcome: 'adopted',
        actorAccountId: accountId,
      },
    ]);
  });

  it('announces the voting phase with its dates, and refuses to enter it without them', async () => {
    const proposal = await draft();
    const submitted = { submittedAt: new Date(), charterVersionId };
    await move(proposal.id, ProposalStatus.Submitted, submitted);
    await move(proposal.id, ProposalStatus.Deliberation);
    await expect(move(proposal.id, ProposalStatus.Voting)).rejects.toThrow(
      'entered voting without its voting dates',
    );
    expect((await proposals.byId(proposal.id)).status).toBe(ProposalStatus.Deliberation);

    const seen: Omit<ProposalVotingStartedEvent, 'manager'>[] = [];
    events.on(
      DomainEvent.ProposalVotingStarted,
      ({ manager: _m, ...event }: ProposalVotingStartedEvent) => {
        seen.push(event);
      },
    );
    const votingOpensAt = new Date('2027-03-01T14:00:00Z');
    const votingClosesAt = new Date('2027-03-08T14:00:00Z');
    await move(proposal.id, ProposalStatus.Voting, { votingOpensAt, votingClosesAt });
    expect(seen).toEqual([
      {
        proposalId: proposal.id,
        decisionType: DecisionType.OrdinaryResolution,
        charterVersionId,
        title: 'Adopter le plan',
        opensAt: votingOpensAt,
        closesAt: votingClosesAt,
        actorAccountId: accountId,
      },
    ]);
  });
});
