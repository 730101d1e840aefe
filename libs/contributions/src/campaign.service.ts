import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationCategory } from '@delibera/membership';
import { CALL_BALANCES } from './call-sql';

export interface CampaignFigures {
  callCount: number;
  calledCents: number;
  /** Everything the ledger holds for these calls, reversals netted. */
  receivedCents: number;
  /** What counts against the calls (received minus credit). */
  paidCents: number;
  outstandingCents: number;
  waivedCents: number;
  creditCents: number;
}

export interface CampaignGroup extends CampaignFigures {
  organisationCategory: OrganisationCategory | null;
  region: string | null;
}

export interface Reconciliation {
  /** called = paid + outstanding + waived, in total and for every organisation; ledger = paid + credit. */
  reconciles: boolean;
  ledgerCents: number;
  /** Organisations whose own figures do not add up (always 0 unless the data is corrupt). */
  organisationsNotReconciling: number;
}

export interface Campaign extends CampaignFigures {
  fiscalYear: number;
  scaleId: string | null;
  targetCents: number;
  inKindCents: number;
  /** Credit from earlier years carried to this year's calls (part of received and paid). */
  creditCarriedInCents: number;
  /** Credit this year's calls held, carried to later years' calls. */
  creditCarriedOutCents: number;
  byCategory: CampaignGroup[];
  byRegion: CampaignGroup[];
  reconciliation: Reconciliation;
}

type FigureRow = Record<string, string | number | null>;

const figures = (r: FigureRow): CampaignFigures => ({
  callCount: Number(r.calls),
  calledCents: Number(r.called),
  receivedCents: Number(r.received),
  paidCents: Number(r.paid),
  outstandingCents: Number(r.outstanding),
  waivedCents: Number(r.waived),
  creditCents: Number(r.credit),
});

/**
 * The proof that the campaign adds up to the cent, from the total row:
 * called = paid + outstanding + waived, and the raw payment ledger = paid +
 * credit, in total and per organisation (`bad`: those whose own figures do not
 * add up, always 0 unless the data is corrupt).
 */
function reconciliation(total?: FigureRow): Reconciliation {
  const n = (v: unknown) => BigInt(String(v ?? 0));
  if (!total) return { reconciles: true, ledgerCents: 0, organisationsNotReconciling: 0 };
  const bad = Number(total.bad ?? 0);
  const reconciles =
    n(total.called) === n(total.paid) + n(total.outstanding) + n(total.waived) &&
    n(total.ledger) === n(total.paid) + n(total.credit) &&
    bad === 0;
  return { reconciles, ledgerCents: Number(total.ledger ?? 0), organisationsNotReconciling: bad };
}

/** The campaign of a fiscal year for the treasurer and the trustees, computed in SQL. */
@Injectable()
export class CampaignService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async campaign(fiscalYear: number): Promise<Campaign> {
    const [scale]: { id: string; target: string; starts: string }[] = await this.dataSource.query(
      `SELECT id, campaign_target_cents::text AS target, to_char(fiscal_year_starts_on, 'YYYY-MM-DD') AS starts
       FROM contribution_scale WHERE fiscal_year = $1 AND status = 'adopted'`,
      [fiscalYear],
    );
    // The figures, the in-kind total and the carried credit are asked at once, each on
    // its own connection. One pass over the scale's calls gives the figures by category,
    // by region and in total, and the reconciliation's per-organisation check (a scale
    // calls each member at most once, so per call is per organisation) against the
    // ledger summed apart.
    const [rows, [{ in_kind }], [carried]] = await Promise.all([
      scale
        ? (this.dataSource.query(
            `WITH ledger AS (
             SELECT c.member_id, sum(p.amount_cents) AS ledger
             FROM contribution_payment p JOIN contribution_call c ON c.id = p.call_id
             WHERE c.scale_id = $1 GROUP BY c.member_id)
           SELECT t.organisation_category, m.region, GROUPING(t.organisation_category, m.region) AS g,
                  count(*)::int AS calls, sum(b.amount_cents)::text AS called, sum(b.received_cents)::text AS received,
                  sum(b.paid_cents)::text AS paid, sum(b.outstanding_cents)::text AS outstanding,
                  sum(b.waived_cents)::text AS waived, sum(b.credit_cents)::text AS credit,
                  sum(l.ledger)::text AS ledger,
                  count(*) FILTER (WHERE b.amount_cents <> b.paid_cents + b.outstanding_cents + b.waived_cents
                                      OR coalesce(l.ledger, 0) <> b.paid_cents + b.credit_cents)::int AS bad
           FROM (${CALL_BALANCES}) b
           -- individual members' dues have no tier: their category group is the one with none
           LEFT JOIN contribution_tier t ON t.id = b.tier_id
           JOIN member m ON m.id = b.member_id
           LEFT JOIN ledger l ON l.member_id = b.member_id
           WHERE b.scale_id = $1
           GROUP BY GROUPING SETS ((t.organisation_category), (m.region), ())
           ORDER BY g, t.organisation_category, m.region`,
            [scale.id],
          ) as Promise<(FigureRow & { g: number; ledger: string | null; bad: number })[]>)
        : [],
      this.dataSource.query(
        `SELECT coalesce(sum(value_cents), 0)::text AS in_kind FROM in_kind_contribution
       WHERE status = 'approved' AND performed_on >= $1::date AND performed_on < $1::date + interval '1 year'`,
        [scale?.starts ?? `${fiscalYear}-01-01`],
      ) as Promise<{ in_kind: string }[]>,
      this.dataSource.query(
        `SELECT coalesce(sum(p.amount_cents) FILTER (WHERE p.amount_cents > 0), 0)::text AS carried_in,
              coalesce(-sum(p.amount_cents) FILTER (WHERE p.amount_cents < 0), 0)::text AS carried_out
       FROM contribution_payment p JOIN contribution_call c ON c.id = p.call_id
       WHERE c.scale_id = $1 AND p.credit_call_id IS NOT NULL`,
        [scale?.id ?? null],
      ) as Promise<{ carried_in: string; carried_out: string }[]>,
    ]);
    const total = rows.find((r) => r.g === 3);
    const group = (r: FigureRow): CampaignGroup => ({
      ...figures(r),
      organisationCategory: r.organisation_category as OrganisationCategory | null,
      region: r.region as string | null,
    });
    return {
      fiscalYear,
      scaleId: scale?.id ?? null,
      targetCents: Number(scale?.target ?? 0),
      ...(total
        ? figures(total)
        : figures({
            calls: 0,
            called: 0,
            received: 0,
            paid: 0,
            outstanding: 0,
            waived: 0,
            credit: 0,
          })),
      inKindCents: Number(in_kind),
      creditCarriedInCents: Number(carried.carried_in),
      creditCarriedOutCents: Number(carried.carried_out),
      byCategory: rows.filter((r) => r.g === 1).map(group),
      byRegion: rows.filter((r) => r.g === 2).map(group),
      reconciliation: reconciliation(total),
    };
  }
}
