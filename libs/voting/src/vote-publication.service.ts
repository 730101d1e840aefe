import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Secrecy } from '@delibera/charter';
import { ConnectionArgs, paginate } from '@delibera/kernel';
import { Ballot } from './ballot.entity';
import { Participation } from './participation.entity';
import { Vote } from './vote.entity';
import { VoteStatus } from './voting.enums';
import { VotingErrors } from './voting.errors';

/**
 * What a tallied vote publishes, once a secret vote's ballots are unlinked
 * (rewritten in random order right after the result: publishing them earlier
 * would publish the insertion order): who took part (never how, for a secret vote),
 * every receipt, and the anonymous ballots — in the shuffled order of their
 * random ids — so anyone can check their receipt and recount.
 */
@Injectable()
export class VotePublicationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async talliedVote(voteId: string): Promise<Vote> {
    const vote = await this.dataSource.getRepository(Vote).findOneBy({ id: voteId });
    if (!vote) throw VotingErrors.VOTE_NOT_FOUND();
    if (vote.status !== VoteStatus.Tallied) throw VotingErrors.VOTE_NOT_CLOSED();
    if (vote.secrecy === Secrecy.Secret && !vote.ballotsUnlinkedAt)
      throw VotingErrors.BALLOTS_NOT_PUBLISHED();
    return vote;
  }

  /** Participants by member id; a named vote's ballots come with them. */
  async participants(voteId: string, args: ConnectionArgs) {
    const vote = await this.talliedVote(voteId);
    const query = this.dataSource
      .getRepository(Participation)
      .createQueryBuilder('p')
      .where('p.voteId = :voteId', { voteId });
    const page = await paginate(
      query,
      args,
      {
        column: 'p.memberId',
        id: 'p.memberId',
        direction: 'ASC',
        key: (p) => [p.memberId, p.memberId],
      },
      (p) => p,
    );
    const named = vote.secrecy === Secrecy.Named;
    const ballotIds = page.edges.map((e) => e.node.ballotId).filter((id): id is string => !!id);
    const ballots =
      named && ballotIds.length > 0
        ? await this.dataSource
            .getRepository(Ballot)
            .createQueryBuilder('b')
            .where('b.voteId = :voteId AND b.id IN (:...ballotIds)', { voteId, ballotIds })
            .getMany()
        : [];
    const contentOf = new Map(ballots.map((b) => [b.id, b.content]));
    return {
      ...page,
      edges: page.edges.map(({ cursor, node }) => ({
        cursor,
        node: {
          memberId: node.memberId,
          castByMemberId: node.castByMemberId,
          ballot: named && node.ballotId ? (contentOf.get(node.ballotId) ?? null) : null,
        },
      })),
    };
  }

  receipts(voteId: string, args: ConnectionArgs) {
    return this.ballotPage(voteId, args, 'b.receiptHash', (b) => b.receiptHash);
  }

  /** Anonymous ballots in the order of their random ids: a shuffle nobody chose. */
  ballots(voteId: string, args: ConnectionArgs) {
    return this.ballotPage(voteId, args, 'b.id', (b) => ({
      content: b.content,
      collegeId: b.collegeId,
    }));
  }

  private async ballotPage<N>(
    voteId: string,
    args: ConnectionArgs,
    column: 'b.id' | 'b.receiptHash',
    toNode: (b: Ballot) => N,
  ) {
    await this.talliedVote(voteId);
    const query = this.dataSource
      .getRepository(Ballot)
      .createQueryBuilder('b')
      .where('b.voteId = :voteId', { voteId });
    const key = column === 'b.id' ? (b: Ballot) => b.id : (b: Ballot) => b.receiptHash;
    return paginate(
      query,
      args,
      { column, id: 'b.id', direction: 'ASC', key: (b) => [key(b), b.id] },
      toNode,
    );
  }
}
