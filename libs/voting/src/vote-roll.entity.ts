import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The electorate frozen when the vote opens: one row per voter, with their
 * college and its weight at that moment, and who casts their ballot (the voter,
 * or the holder of their proxy — resolved at freezing, so a grantor casts nothing).
 */
@Entity('vote_roll')
@Index(['voteId', 'castByMemberId'])
export class VoteRollEntry {
  @PrimaryColumn({ type: 'uuid' })
  voteId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'uuid' })
  collegeId: string;

  @Column({ type: 'int' })
  weight: number;

  @Column({ type: 'uuid' })
  castByMemberId: string;
}
