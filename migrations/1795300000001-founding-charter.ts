import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The founding deed as data: charter version 1 with a rule per decision type,
 * the three founding colleges and the three advisory councils. Later versions
 * are created by adopting charter-amendment proposals, never by migrations.
 */
export class FoundingCharter1795300000001 implements MigrationInterface {
  name = 'FoundingCharter1795300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [{ id }] = await queryRunner.query(
      `INSERT INTO charter_version (version, adopted_at, summary, proxy_limit_per_holder, volunteer_hour_rate_cents,
         initiative_cosignatures, initiative_support_days, referendum_petition_cosignatures,
         assembly_quorum_numerator, assembly_quorum_denominator)
       VALUES (1, now(), $1, 3, 3000, 50, 60, 500, 1, 10) RETURNING id`,
      ['Acte constitutif de la fiducie — version fondatrice / Founding deed of the trust'],
    );
    const councils = ['youth', 'seniors', 'artists'];
    // decision type, deciding body, consulted councils, informed, method, threshold n/d, comparison, base,
    // quorum kind n/d, secrecy, college weighting, notice, consultation, deliberation, voting (days)
    const rules: [string, string, string[], string[], string, number, number, string, string, string, number, number, string, boolean, number, number, number, number][] = [
      ['ordinary_resolution', 'general_assembly', [], ['all_members'], 'choice', 1, 2, 'more_than', 'cast', 'none', 0, 1, 'secret', true, 14, 0, 7, 3],
      ['special_resolution', 'general_assembly', councils, ['all_members'], 'choice', 2, 3, 'at_least', 'cast', 'none', 0, 1, 'secret', true, 30, 21, 14, 7],
      ['charter_amendment', 'general_assembly', councils, ['all_members', 'public'], 'choice', 2, 3, 'at_least', 'cast', 'none', 0, 1, 'secret', true, 30, 21, 14, 7],
      ['contribution_scale', 'general_assembly', councils, ['all_members', 'board'], 'choice', 1, 2, 'more_than', 'cast', 'none', 0, 1, 'secret', true, 30, 21, 14, 7],
      ['budget', 'general_assembly', [], ['all_members', 'board'], 'choice', 1, 2, 'more_than', 'cast', 'none', 0, 1, 'secret', true, 14, 0, 7, 3],
      ['trustee_election', 'general_assembly', [], ['all_members', 'public'], 'stv', 1, 2, 'more_than', 'cast', 'none', 0, 1, 'secret', true, 30, 0, 14, 7],
      ['council_opinion', 'council', [], ['consulted_councils', 'author'], 'choice', 1, 2, 'more_than', 'cast', 'none', 0, 1, 'named', false, 0, 0, 3, 2],
      ['referendum', 'all_members', [], ['all_members', 'public'], 'choice', 1, 2, 'more_than', 'cast', 'ratio', 1, 4, 'secret', false, 30, 0, 21, 14],
      ['admission', 'board', [], ['board'], 'choice', 1, 2, 'more_than', 'cast', 'none', 0, 1, 'named', false, 0, 0, 0, 1],
    ];
    for (const r of rules) {
      await queryRunner.query(
        `INSERT INTO decision_rule (charter_version_id, decision_type, deciding_body, consulted_councils, informed,
           vote_method, threshold_numerator, threshold_denominator, threshold_comparison, threshold_base,
           quorum_kind, quorum_numerator, quorum_denominator, secrecy, college_weighting,
           min_notice_days, min_consultation_days, min_deliberation_days, min_voting_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
        [id, ...r],
      );
    }
    await queryRunner.query(
      `INSERT INTO college (code, name_fr, name_en, weight) VALUES
         ('individuals', 'Membres individuels', 'Individual members', 40),
         ('public_bodies', 'Municipalités, MRC et institutions publiques', 'Municipalities, MRCs and public institutions', 30),
         ('civil_society', 'Économie sociale, milieu communautaire et syndical', 'Social economy, community groups and unions', 30)`,
    );
    await queryRunner.query(
      `INSERT INTO council (code, name_fr, name_en, seats, term_months, eligibility) VALUES
         ('youth', 'Conseil des jeunes', 'Youth Council', 12, 24, '{"minAge": 16, "maxAge": 30}'),
         ('seniors', 'Conseil des aînés', 'Seniors Council', 12, 24, '{"minAge": 65}'),
         ('artists', 'Conseil des artistes', 'Artists Council', 12, 24, '{"requiresApprovedPractice": true}')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM council WHERE code IN ('youth', 'seniors', 'artists')`);
    await queryRunner.query(`DELETE FROM college WHERE code IN ('individuals', 'public_bodies', 'civil_society')`);
    await queryRunner.query(`DELETE FROM charter_version WHERE version = 1`);
  }
}
