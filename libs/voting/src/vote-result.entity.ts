import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VoteOutcome } from '@delibera/kernel';

/** The count of a vote, written once (unique per vote): the canonical JSON and its hash. */
@Entity('vote_result')
export class VoteResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  voteId: string;

  @Column({ type: 'text' })
  outcome: VoteOutcome;

  @Column({ type: 'boolean' })
  quorumMet: boolean;

  @Column({ type: 'int' })
  eligible: number;

  @Column({ type: 'int' })
  participations: number;

  @Column({ type: 'int' })
  ballots: number;

  /** Elected or winning options, in order. */
  @Column({ type: 'text', array: true })
  winners: string[];

  /** Canonical JSON (libs/tally canonicalJson) of the tally result and the quorum. */
  @Column({ type: 'text' })
  canonical: string;

  /** sha256 of `canonical`: what a recount must reproduce. */
  @Column({ type: 'text' })
  hash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
