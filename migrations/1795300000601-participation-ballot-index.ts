import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * participation.ballot_id references ballot(id) without an index, so every
 * ballot deleted — closing a secret vote rewrites all of its ballots in random
 * order — made PostgreSQL scan the whole participation table to check the key:
 * a thousand-ballot vote took minutes to close once a million participations
 * existed (seen in test/bench/deadlines). Only named ballots are referenced,
 * hence a partial index.
 */
export class ParticipationBallotIndex1795300000601 implements MigrationInterface {
  name = 'ParticipationBallotIndex1795300000601';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "participation_ballot_idx" ON "participation" ("ballot_id") WHERE ballot_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "participation_ballot_idx"`);
  }
}
