import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser, lockById } from '@delibera/kernel';
import { OrganisationCategory, SizeBand } from '@delibera/membership';
import { CALLED_ORGANISATIONS } from './call-sql';
import { ContributionErrors } from './contributions.errors';
import { ProrationRule, ScaleStatus } from './contributions.enums';
import { ContributionScaleInput } from './dto/scale.input';
import { ContributionScale, ContributionTier } from './entities';
import { offsetPage, PageRequest } from './raw-page';

export interface SimulationGroup {
  organisationCategory: OrganisationCategory | null;
  sizeBand: SizeBand | null;
  region: string | null;
  tierAmountCents: number | null;
  organisationCount: number;
  totalCents: number;
}

export interface ScaleSimulation {
  scaleId: string;
  campaignTargetCents: number;
  organisationCount: number;
  totalCents: number;
  /** Active organisations no tier of the scale covers: they would not be called. */
  uncoveredOrganisationCount: number;
  individualMemberCount: number;
  individualDuesTotalCents: number;
  byTier: SimulationGroup[];
  byCategory: SimulationGroup[];
  byRegion: SimulationGroup[];
}

export interface SimulatedOrganisation {
  memberId: string;
  displayName: string;
  organisationCategory: OrganisationCategory;
  sizeBand: SizeBand;
  region: string;
  fullAmountCents: number;
  amountCents: number;
  proratedMonths: number | null;
}

/** GROUPING() bits over (category, size band, region): which grouping set a row belongs to. */
const GROUP_BY_TIER = 0b001;
const GROUP_BY_CATEGORY = 0b011;
const GROUP_BY_REGION = 0b110;
const GROUP_TOTAL = 0b111;

@Injectable()
export class ScalesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async byId(id: string, manager: EntityManager = this.dataSource.manager) {
    const scale = await manager.findOne(ContributionScale, {
      where: { id },
      relations: { tiers: true },
    });
    if (!scale) throw ContributionErrors.SCALE_NOT_FOUND();
    return scale;
  }

  list(fiscalYear?: number, includeDrafts = true): Promise<ContributionScale[]> {
    const query = this.dataSource
      .getRepository(ContributionScale)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.tiers', 't')
      .orderBy('s.fiscalYear', 'DESC')
      .addOrderBy('s.createdAt', 'ASC')
      .addOrderBy('t.organisationCategory')
      .addOrderBy('t.sizeBand');
    if (fiscalYear) query.andWhere('s.fiscalYear = :fiscalYear', { fiscalYear });
    if (!includeDrafts) query.andWhere('s.status <> :draft', { draft: ScaleStatus.Draft });
    return query.getMany();
  }

  /** The treasurer drafts a scale; competing drafts for the same year may coexist. */
  async draft(user: AuthUser, input: ContributionScaleInput): Promise<ContributionScale> {
    assertScaleInput(input);
    return this.dataSource.transaction(async (manager) => {
      const scale = await manager.save(
        manager.create(ContributionScale, {
          ...scaleFields(input),
          status: ScaleStatus.Draft,
          draftedByAccountId: user.accountId,
        }),
      );
      await this.replaceTiers(manager, scale.id, input);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'contribution_scale.drafted',
        entityType: 'contribution_scale',
        entityId: scale.id,
        data: { after: { ...input } },
      });
      return this.byId(scale.id, manager);
    });
  }

  /**
   * Replaces a scale's content. Allowed on drafts and on submitted scales
   * until the vote on their proposal opens (`voteHasOpened`), then SCALE_LOCKED.
   */
  async update(
    user: AuthUser,
    scaleId: string,
    input: ContributionScaleInput,
    voteHasOpened: (proposalId: string, manager: EntityManager) => Promise<boolean>,
  ): Promise<ContributionScale> {
    assertScaleInput(input);
    return this.dataSource.transaction(async (manager) => {
      const scale = await this.lock(manager, scaleId);
      const editable =
        scale.status === ScaleStatus.Draft ||
        (scale.status === ScaleStatus.Submitted &&
          !(await voteHasOpened(scale.proposalId!, manager)));
      if (!editable) throw ContributionErrors.SCALE_LOCKED();
      const before = await this.byId(scaleId, manager);
      await manager.update(ContributionScale, { id: scaleId }, scaleFields(input));
      await this.replaceTiers(manager, scaleId, input);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'contribution_scale.updated',
        entityType: 'contribution_scale',
        entityId: scaleId,
        data: { before: describe(before), after: { ...input } },
      });
      return this.byId(scaleId, manager);
    });
  }

  /** Takes the scale's row lock for the rest of the transaction. */
  async lock(manager: EntityManager, scaleId: string): Promise<ContributionScale> {
    const scale = await lockById(manager, ContributionScale, scaleId);
    if (!scale) throw ContributionErrors.SCALE_NOT_FOUND();
    return scale;
  }

  /** The scales a proposal decides (several when competing), locked, in id order. */
  async byProposal(manager: EntityManager, proposalId: string): Promise<ContributionScale[]> {
    return manager
      .getRepository(ContributionScale)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.proposalId = :proposalId', { proposalId })
      .orderBy('s.id')
      .getMany();
  }

  /** What the scale would raise from today's membership: one aggregate query, grouped four ways. */
  async simulate(scaleId: string): Promise<ScaleSimulation> {
    const scale = await this.byId(scaleId);
    const rows: {
      organisation_category: OrganisationCategory | null;
      size_band: SizeBand | null;
      region: string | null;
      g: number;
      tier_amount_cents: string | null;
      organisations: number;
      total_cents: string;
      uncovered: number;
      individuals: number;
    }[] = await this.dataSource.query(
      `WITH called AS (${CALLED_ORGANISATIONS}),
       grouped AS (
         SELECT t.organisation_category, t.size_band, c.region,
                GROUPING(t.organisation_category, t.size_band, c.region) AS g,
                max(t.amount_cents)::text AS tier_amount_cents,
                count(c.member_id)::int AS organisations,
                coalesce(sum(c.amount_cents), 0)::text AS total_cents
         FROM contribution_tier t LEFT JOIN called c ON c.tier_id = t.id
         WHERE t.scale_id = $1
         GROUP BY GROUPING SETS ((t.organisation_category, t.size_band), (t.organisation_category), (c.region), ()))
       SELECT grouped.*,
              (SELECT count(*) FROM member m WHERE m.kind = 'organisation' AND m.status = 'active'
                 AND NOT EXISTS (SELECT 1 FROM called c WHERE c.member_id = m.id))::int AS uncovered,
              (SELECT count(*) FROM member m WHERE m.kind = 'person' AND m.status = 'active')::int AS individuals
       FROM grouped
       ORDER BY g, organisation_category, size_band, region`,
      [scaleId],
    );
    const group = (r: (typeof rows)[number]): SimulationGroup => ({
      organisationCategory: r.organisation_category,
      sizeBand: r.size_band,
      region: r.region,
      tierAmountCents: r.g === GROUP_BY_TIER ? Number(r.tier_amount_cents) : null,
      organisationCount: r.organisations,
      totalCents: Number(r.total_cents),
    });
    const total = rows.find((r) => r.g === GROUP_TOTAL)!;
    const dues = scale.individualDuesCents ?? 0;
    return {
      scaleId,
      campaignTargetCents: scale.campaignTargetCents,
      organisationCount: total.organisations,
      totalCents: Number(total.total_cents),
      uncoveredOrganisationCount: total.uncovered,
      individualMemberCount: total.individuals,
      individualDuesTotalCents: dues * total.individuals,
      byTier: rows.filter((r) => r.g === GROUP_BY_TIER).map(group),
      byCategory: rows.filter((r) => r.g === GROUP_BY_CATEGORY).map(group),
      // Tiers no organisation falls in produce an empty region group: not a region.
      byRegion: rows.filter((r) => r.g === GROUP_BY_REGION && r.region !== null).map(group),
    };
  }

  /** Each organisation's amount under the scale, alphabetically, a page at a time. */
  async simulatedOrganisations(scaleId: string, page: PageRequest) {
    await this.byId(scaleId);
    return offsetPage(
      page,
      async (limit, offset) => {
        const rows: Record<string, string | number | null>[] = await this.dataSource.query(
          `WITH called AS (${CALLED_ORGANISATIONS})
           SELECT member_id, display_name, organisation_category, size_band, region,
                  full_amount_cents::text, amount_cents::text, prorated_months
           FROM called ORDER BY display_name, member_id LIMIT $2 OFFSET $3`,
          [scaleId, limit, offset],
        );
        return rows.map((r): SimulatedOrganisation => ({
          memberId: String(r.member_id),
          displayName: String(r.display_name),
          organisationCategory: r.organisation_category as OrganisationCategory,
          sizeBand: r.size_band as SizeBand,
          region: String(r.region),
          fullAmountCents: Number(r.full_amount_cents),
          amountCents: Number(r.amount_cents),
          proratedMonths: r.prorated_months === null ? null : Number(r.prorated_months),
        }));
      },
      async () => {
        const [{ n }] = await this.dataSource.query(
          `WITH called AS (${CALLED_ORGANISATIONS}) SELECT count(*)::int AS n FROM called`,
          [scaleId],
        );
        return n as number;
      },
    );
  }

  private async replaceTiers(
    manager: EntityManager,
    scaleId: string,
    input: ContributionScaleInput,
  ) {
    await manager.delete(ContributionTier, { scaleId });
    await manager.insert(
      ContributionTier,
      input.tiers.map((tier) => ({ scaleId, ...tier })),
    );
  }
}

function scaleFields(input: ContributionScaleInput) {
  return {
    fiscalYear: input.fiscalYear,
    fiscalYearStartsOn: input.fiscalYearStartsOn ?? `${input.fiscalYear}-01-01`,
    name: input.name.trim(),
    dueOn: input.dueOn,
    campaignTargetCents: input.campaignTargetCents,
    individualDuesCents: input.individualDuesCents ?? null,
    prorationRule: input.prorationRule ?? ProrationRule.RemainingMonths,
  };
}

function describe(scale: ContributionScale) {
  const { tiers, ...fields } = scale;
  return {
    ...fields,
    tiers: tiers.map(({ organisationCategory, sizeBand, amountCents }) => ({
      organisationCategory,
      sizeBand,
      amountCents,
    })),
  };
}

/** Amounts are checked here (not only by CHECKs) so the caller gets NEGATIVE_AMOUNT, not a 500. */
function assertScaleInput(input: ContributionScaleInput): void {
  const amounts: [string, number | undefined][] = [
    ['campaignTargetCents', input.campaignTargetCents],
    ['individualDuesCents', input.individualDuesCents],
    ...input.tiers.map((t, i): [string, number] => [`tiers.${i}.amountCents`, t.amountCents]),
  ];
  const negative = amounts.find(([, cents]) => cents !== undefined && cents !== null && cents < 0);
  if (negative) throw ContributionErrors.NEGATIVE_AMOUNT({ field: negative[0] });
  if (input.tiers.length === 0) throw ContributionErrors.SCALE_HAS_NO_TIERS();
  const seen = new Set<string>();
  for (const tier of input.tiers) {
    const key = `${tier.organisationCategory}/${tier.sizeBand}`;
    if (seen.has(key))
      throw ContributionErrors.DUPLICATE_TIER({
        category: tier.organisationCategory,
        sizeBand: tier.sizeBand,
      });
    seen.add(key);
  }
}
