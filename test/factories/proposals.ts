import { DataSource } from 'typeorm';

/** A proposal's consultation, and each council's due date, end a second ago, as the clock would have it. */
export async function consultationOver(dataSource: DataSource, proposalId: string): Promise<void> {
  await dataSource.query(
    `UPDATE proposal SET consultation_ends_at = now() - interval '1 second' WHERE id = $1`,
    [proposalId],
  );
  await dataSource.query(
    `UPDATE consultation_request SET due_at = now() - interval '1 second' WHERE proposal_id = $1`,
    [proposalId],
  );
}
