import { Injectable } from '@nestjs/common';
import { Locale } from '@delibera/kernel';
import { CampaignReportService } from '../campaign-report.service';
import { CouncilsReportService } from '../councils-report.service';
import { DecisionRegisterService } from '../decision-register.service';
import { MembershipReportService } from '../membership-report.service';
import { ParticipationReportService } from '../participation-report.service';
import { PipelineReportService } from '../pipeline-report.service';
import { VolunteerReportService } from '../volunteer-report.service';
import { renderAccountabilityMarkdown } from './accountability.markdown';
import { renderAccountabilityPdf } from './accountability.pdf';
import { AccountabilityData, buildAccountabilityDocument } from './accountability.document';

/** The annual accountability report: every report over one fiscal year, as Markdown or PDF. */
@Injectable()
export class AccountabilityReportService {
  constructor(
    private readonly participation: ParticipationReportService,
    private readonly membership: MembershipReportService,
    private readonly councils: CouncilsReportService,
    private readonly campaigns: CampaignReportService,
    private readonly decisions: DecisionRegisterService,
    private readonly pipeline: PipelineReportService,
    private readonly volunteers: VolunteerReportService,
  ) {}

  async data(fiscalYear: number, now = new Date()): Promise<AccountabilityData> {
    const period = await this.campaigns.fiscalYearPeriod(fiscalYear);
    const participation = await this.participation.report(period);
    const voteIds = participation.votes.map((v) => v.voteId);
    const breakdowns = voteIds.length > 0 ? await this.participation.breakdowns(voteIds) : [];
    // Each report runs its own queries; one after the other keeps the pool free for members.
    return {
      fiscalYear,
      period,
      generatedAt: now,
      membership: await this.membership.report(period),
      participation,
      collegeTurnout: Object.fromEntries(voteIds.map((id, i) => [id, breakdowns[i].college])),
      register: await this.decisions.register(period),
      pipeline: await this.pipeline.report(period),
      councils: await this.councils.report(period),
      campaign: await this.campaigns.report(fiscalYear),
      volunteers: await this.volunteers.report(period),
    };
  }

  markdownOf(data: AccountabilityData, locale: Locale): string {
    return renderAccountabilityMarkdown(buildAccountabilityDocument(data, locale));
  }

  async markdown(fiscalYear: number, locale: Locale): Promise<string> {
    return this.markdownOf(await this.data(fiscalYear), locale);
  }

  async pdf(fiscalYear: number, locale: Locale): Promise<Buffer> {
    return renderAccountabilityPdf(
      buildAccountabilityDocument(await this.data(fiscalYear), locale),
    );
  }
}
