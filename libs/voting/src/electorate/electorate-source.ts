import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * One voter of a frozen roll. `castByMemberId` is who casts this entry's
 * ballot: the member themselves, or the holder of their proxy. Proxies are
 * thus resolved once, when the roll is frozen: a grantor is not a caster, and a
 * holder casts one ballot per entry they hold.
 */
export interface RollEntry {
  memberId: string;
  collegeId: string;
  castByMemberId: string;
}

/**
 * A roll as a SELECT returning the columns `member_id`, `college_id`,
 * `cast_by_member_id` (one row per voter), with its own `$1…$n` parameters.
 * Freezing wraps it in one INSERT … SELECT, so a million voters never travel
 * through Node.
 */
export interface RollQuery {
  sql: string;
  params: unknown[];
}

/** What the vote's quorum hook sees of the vote (assemblies add their own quorum of attendance). */
export interface QuorumVote {
  id: string;
  electorateRef: string | null;
  rollSize: number;
  participations: number;
}

export interface ElectorateQuorum {
  met: boolean;
  /** Shown in the result (e.g. present, represented, required). Plain JSON, integers only. */
  details: Record<string, string | number | boolean | null>;
}

/**
 * Who may vote, for one electorate kind. Voting freezes the roll when the vote
 * opens; the source is asked nothing else while it is open. Implement `roll`
 * (small electorates) or `rollQuery` (large ones); when both exist the query is used.
 */
export interface ElectorateSource {
  readonly kind: string;
  /** The voters at `at` (the opening), read through the opening transaction's manager. */
  roll?(manager: EntityManager, ref: string | null, at: Date): Promise<RollEntry[]>;
  rollQuery?(manager: EntityManager, ref: string | null, at: Date): Promise<RollQuery>;
  /** An extra quorum the electorate imposes (an assembly's attendance), checked at close. */
  quorum?(manager: EntityManager, ref: string | null, vote: QuorumVote): Promise<ElectorateQuorum>;
  /**
   * The ref of this kind's electorate that decides a subject (for `assembly`:
   * the convened general assembly whose agenda holds the proposal), or null
   * when there is none. Read through the caller's transaction.
   */
  refForSubject?(
    manager: EntityManager,
    subjectType: string,
    subjectId: string,
  ): Promise<string | null>;
}

export const ELECTORATE_SOURCE = 'delibera:electorate-source';

/**
 * Marks a provider as the ElectorateSource of a kind; the voting module
 * discovers it at start. Lets libs/assemblies provide the `assembly` kind
 * without voting depending on assemblies:
 *
 * ```ts
 * @Injectable()
 * @ProvidesElectorate('assembly')
 * export class AssemblyElectorate implements ElectorateSource { … }
 * ```
 */
export const ProvidesElectorate = (kind: string) => SetMetadata(ELECTORATE_SOURCE, kind);
