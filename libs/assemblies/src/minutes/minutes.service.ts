import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, Locale, MAX_PAGE_SIZE } from '@delibera/kernel';
import { MembershipService } from '@delibera/membership';
import { ElectorateKind, VotesService, VotingErrors } from '@delibera/voting';
import { AssembliesService } from '../assemblies.service';
import { AttendanceService } from '../attendance.service';
import { AgendaItem, AssemblyProxy, Registration } from '../entities';
import { MinutesFacts, VoteSummary } from './minutes-facts';
import { summariseVote } from './vote-summary';
import { renderMinutes } from './minutes.markdown';

/**
 * Minutes are generated on demand, not stored: every fact they state is
 * stored already, and once the assembly is closed none of it can change
 * (attendance and proxies refuse changes, vote results are written once), so
 * the same text — and the same sha256 — comes back every time. The hash is
 * what the next assembly adopts.
 */
@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assemblies: AssembliesService,
    private readonly attendance: AttendanceService,
    private readonly membership: MembershipService,
    private readonly votes: VotesService,
  ) {}

  async minutes(
    assemblyId: string,
    locale: Locale,
  ): Promise<{ locale: Locale; markdown: string; sha256: string }> {
    const markdown = renderMinutes(await this.facts(assemblyId), locale);
    return { locale, markdown, sha256: createHash('sha256').update(markdown).digest('hex') };
  }

  async facts(assemblyId: string): Promise<MinutesFacts> {
    const assembly = await this.assemblies.byId(assemblyId);
    const [[agenda], [counts], colleges, quorum, proxies, registrations] = await Promise.all([
      this.assemblies.agendas([assemblyId]),
      this.attendance.counts([assemblyId]),
      this.membership.colleges(),
      this.attendance.quorum(assembly),
      this.dataSource.getRepository(AssemblyProxy).countBy({ assemblyId, endedAt: IsNull() }),
      this.dataSource.getRepository(Registration).countBy({ assemblyId }),
    ]);
    const collegeById = new Map(colleges.map((college) => [college.id, college]));
    return {
      assembly,
      agenda: await Promise.all(
        agenda.map(async (item) => ({ ...item, votes: await this.votesOf(assemblyId, item) })),
      ),
      attendance: {
        ...counts,
        byCollege: counts.byCollege.map(({ collegeId, ...numbers }) => ({
          nameFr: collegeById.get(collegeId)?.nameFr ?? collegeId,
          nameEn: collegeById.get(collegeId)?.nameEn ?? collegeId,
          ...numbers,
        })),
      },
      proxies,
      quorum,
      registrations,
    };
  }

  /**
   * The votes this assembly held under an agenda item: the vote the item
   * refers to, or the votes on the proposal (or scale) it refers to.
   */
  private async votesOf(assemblyId: string, item: AgendaItem): Promise<VoteSummary[]> {
    if (!item.refId) return [];
    const bySubject = await this.votes.list({ subjectId: item.refId, first: MAX_PAGE_SIZE });
    const referred = await this.votes.byId(item.refId).catch((error: unknown) => {
      // The item refers to a proposal or scale, not to a vote: its votes are found by subject.
      if (error instanceof DomainError && error.code === VotingErrors.codes.VOTE_NOT_FOUND)
        return null;
      throw error;
    });
    const votes = [...(referred ? [referred] : []), ...bySubject.edges.map((edge) => edge.node)]
      .filter((vote) => vote.electorateKind === ElectorateKind.Assembly)
      .filter((vote) => vote.electorateRef === assemblyId)
      .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
    const results = await this.votes.resultsOf(votes.map((vote) => vote.id));
    return votes.map((vote, i) => summariseVote(vote, results[i]));
  }
}
