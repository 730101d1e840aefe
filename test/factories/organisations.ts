import { DataSource } from 'typeorm';
import { OrganisationCategory, SizeBand } from '@delibera/membership';

/** The categories and bands test organisations cycle through, in a fixed order. */
export const TEST_CATEGORIES: OrganisationCategory[] = [
  OrganisationCategory.Municipality,
  OrganisationCategory.Mrc,
  OrganisationCategory.University,
  OrganisationCategory.College,
  OrganisationCategory.SocialEconomy,
  OrganisationCategory.Community,
  OrganisationCategory.Union,
];
export const TEST_SIZE_BANDS: SizeBand[] = Object.values(SizeBand);

export interface CreatedOrganisation {
  id: string;
  index: number;
  organisationCategory: OrganisationCategory;
  sizeBand: SizeBand;
  region: string;
}

/**
 * Active member organisations in bulk, in one INSERT … SELECT: organisation i
 * has category i mod 7, size band i mod 5 and region (i mod 17) + 1, so every
 * category × band pair occurs. For tests and benchmarks of thousands of rows.
 */
export async function createOrganisations(
  dataSource: DataSource,
  count: number,
  fields: { admittedAt?: Date; prefix?: string; category?: OrganisationCategory } = {},
): Promise<CreatedOrganisation[]> {
  const prefix = fields.prefix ?? `org-${Math.random().toString(36).slice(2, 8)}`;
  const rows: {
    id: string;
    i: number;
    organisation_category: OrganisationCategory;
    size_band: SizeBand;
    region: string;
  }[] = await dataSource.query(
    `INSERT INTO member (kind, display_name, email, status, college_id, region, locale,
                           organisation_category, size_band, representative_name, admitted_at)
       SELECT 'organisation', $1 || ' ' || lpad(i::text, 5, '0'), $1 || '-' || i || '@example.org', 'active',
              (SELECT id FROM college WHERE code = 'civil_society'), lpad(((i % 17) + 1)::text, 2, '0'),
              CASE WHEN i % 4 = 0 THEN 'en' ELSE 'fr' END,
              coalesce($4, ($2::text[])[(i % 7) + 1])::organisation_category,
              ($3::text[])[(i % 5) + 1]::size_band, 'Rep ' || i, $5
       FROM generate_series(0, $6 - 1) AS i
       RETURNING id, (regexp_match(display_name, '(\\d+)$'))[1]::int AS i, organisation_category, size_band, region`,
    [
      prefix,
      TEST_CATEGORIES,
      TEST_SIZE_BANDS,
      fields.category ?? null,
      fields.admittedAt ?? new Date('2020-01-01T12:00:00Z'),
      count,
    ],
  );
  return rows
    .map((r) => ({
      id: r.id,
      index: r.i,
      organisationCategory: r.organisation_category,
      sizeBand: r.size_band,
      region: r.region,
    }))
    .sort((a, b) => a.index - b.index);
}
