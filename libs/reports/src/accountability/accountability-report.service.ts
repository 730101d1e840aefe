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
    // The reports read summaries or small aggregates now: asked at once, each
    // holding a pooled connection only while one of its queries runs.
    const [participation, membership, register, pipeline, councils, campaign, volunteers] =
      await Promise.all([
        this.participation.report(period, { breakdowns: true }),
        this.membership.report(period),
        this.decisions.register(period),
        this.pipeline.report(period),
        this.councils.report(period),
        this.campaigns.report(fiscalYear),
        this.volunteers.report(period),
      ]);
    return {
      fiscalYear,
      period,
      generatedAt: now,
      membership,
      participation,
      collegeTurnout: Object.fromEntries(
        participation.votes.map((vote) => [vote.voteId, vote.byCollege ?? []]),
      ),
      register,
      pipeline,
      councils,
      campaign,
      volunteers,
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
