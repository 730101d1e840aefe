import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AuthUser, RateLimit, RateLimits, requestContext } from '@delibera/kernel';
import { BallotInput, ballotContent, BallotRules } from './ballots/ballot-content';
import {
  BallotRetry,
  ballotRetry,
  openAnswer,
  sealAnswer,
  SealedAnswer,
} from './ballots/ballot-retry';
import { CAST_BALLOT_SQL } from './ballots/cast-ballot.sql';
import { VotingErrors } from './voting.errors';

/**
 * A named ballot may be replaced until close: same checks, one statement, new
 * receipt. The participation row is updated first and so serialises replaces;
 * one carrying the retry tag it already holds ($6) changes nothing, and its
 * caster gets the answer sealed by the first.
 */
const REPLACE_SQL = `
WITH v AS (
  SELECT status = 'open' AND now() >= opens_at AND now() < closes_at AS open, secrecy = 'secret' AS secret
    FROM vote WHERE id = $1 FOR SHARE
), p AS (
  UPDATE participation p SET retry_tag = $6::bytea, sealed_receipt = $7::bytea
    FROM v
   WHERE p.vote_id = $1 AND p.member_id = $2 AND p.cast_by_member_id = $3 AND v.open AND NOT v.secret
     AND ($6::bytea IS NULL OR p.retry_tag IS DISTINCT FROM $6::bytea)
  RETURNING p.ballot_id
)
UPDATE ballot b SET content = $4::jsonb, receipt_hash = $5
  FROM p
 WHERE b.vote_id = $1 AND b.id = p.ballot_id
RETURNING b.id`;

/** What a retried cast needs from the voter's participation (see ballot-retry.ts). */
const RETRY_SQL = `
SELECT retry_tag AS "retryTag", sealed_receipt AS "sealedReceipt"
  FROM participation WHERE vote_id = $1 AND member_id = $2 AND cast_by_member_id = $3`;

const RULES_SQL = `
SELECT method, options, grades, min_selections AS "minSelections", max_selections AS "maxSelections"
  FROM vote WHERE id = $1`;

interface CastRow {
  status: string | null;
  started: boolean | null;
  beforeClose: boolean | null;
  secret: boolean | null;
  inRoll: boolean;
  cast: boolean;
}

export interface Receipt {
  voteId: string;
  /** The token the voter keeps; only its sha256 is stored. */
  receipt: string;
  replaced: boolean;
}

/** A vote's options never change once it exists, so its ballot rules are cached per process. */
const MAX_CACHED_RULES = 1000;

/**
 * Casting ballots: the hot path. It runs plain SQL on the pg pool under
 * TypeORM — no entity hydration, no query runner, no wait on Redis — because a
 * referendum must take a thousand ballots a second on two cores. Ballots are
 * never logged and not appended to the audit chain one by one (the audit
 * append takes a global lock and would serialise casting); the chain records
 * the roll at opening and the counts at close instead.
 */
@Injectable()
export class BallotBoxService {
  private readonly rules = new Map<string, BallotRules>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimits,
  ) {}

  private get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  private async rulesOf(voteId: string): Promise<BallotRules> {
    const cached = this.rules.get(voteId);
    if (cached) return cached;
    const { rows } = await this.pool.query(RULES_SQL, [voteId]);
    if (rows.length === 0) throw VotingErrors.VOTE_NOT_FOUND();
    const row = rows[0] as {
      method: BallotRules['method'];
      options: { id: string }[];
      grades: { id: string }[] | null;
      minSelections: number | null;
      maxSelections: number | null;
    };
    const rules: BallotRules = {
      method: row.method,
      optionIds: row.options.map((o) => o.id),
      gradeIds: row.grades?.map((g) => g.id) ?? null,
      minSelections: row.minSelections,
      maxSelections: row.maxSelections,
    };
    if (this.rules.size >= MAX_CACHED_RULES) this.rules.clear();
    this.rules.set(voteId, rules);
    return rules;
  }

  /**
   * Casts the caller's ballot, or the ballot of a member whose proxy they hold
   * (`onBehalfOf`). Every refusal changes nothing. With a `clientRequestId`, a
   * retry of a cast that went through (its reply lost) gets the same answer;
   * the same id with another ballot is refused with CLIENT_REQUEST_ID_REUSED.
   */
  async cast(
    user: AuthUser,
    voteId: string,
    input: BallotInput,
    onBehalfOf?: string | null,
    clientRequestId?: string | null,
  ): Promise<Receipt> {
    // Counted in Redis when it answers, in memory when it does not: casting never waits for Redis.
    await Promise.all([
      this.rateLimits.consume(RateLimit.BallotPerAccount, user.accountId),
      this.rateLimits.consume(RateLimit.BallotPerIp, requestContext.ip()),
    ]);
    const content = JSON.stringify(ballotContent(await this.rulesOf(voteId), input));
    if (!user.memberId) throw VotingErrors.NOT_IN_ELECTORATE();
    const voter = onBehalfOf ?? user.memberId;
    const caster = user.memberId;
    // 122 random bits from Node's buffered UUID source: no getrandom() call per ballot.
    const receipt = randomUUID().replaceAll('-', '');
    const receiptHash = createHash('sha256').update(receipt).digest('hex');
    const retry = clientRequestId ? ballotRetry(clientRequestId, voteId, voter) : null;
    const seal = (replaced: boolean) =>
      retry ? sealAnswer(retry, { receipt, replaced }, content) : null;
    const params = [voteId, voter, caster, content, receiptHash];
    const { rows } = await this.pool.query<CastRow>(CAST_BALLOT_SQL, [
      ...params,
      randomUUID(),
      retry?.tag ?? null,
      seal(false),
    ]);
    const row = rows[0];
    if (row.cast) return { voteId, receipt, replaced: false };
    if (row.status === null) throw VotingErrors.VOTE_NOT_FOUND();
    // A retry is answered even once the vote has closed: its ballot was counted.
    const earlier =
      retry && row.inRoll ? await this.earlierAnswer(voteId, voter, caster, retry, content) : null;
    if (earlier) return { voteId, ...earlier };
    if (row.status === 'scheduled' || !row.started) throw VotingErrors.VOTE_NOT_OPEN();
    if (row.status !== 'open' || !row.beforeClose) throw VotingErrors.VOTE_CLOSED();
    if (!row.inRoll) throw VotingErrors.NOT_IN_ELECTORATE();
    if (row.secret) throw VotingErrors.ALREADY_VOTED();
    const replaced = await this.pool.query(REPLACE_SQL, [
      ...params,
      retry?.tag ?? null,
      seal(true),
    ]);
    if (replaced.rowCount === 1) return { voteId, receipt, replaced: true };
    // The same request replaced it meanwhile; otherwise the vote closed between the two statements.
    const raced = retry ? await this.earlierAnswer(voteId, voter, caster, retry, content) : null;
    if (raced) return { voteId, ...raced };
    throw VotingErrors.VOTE_CLOSED();
  }

  /** The answer sealed by an earlier cast of the same request, if this is a retry of it. */
  private async earlierAnswer(
    voteId: string,
    voter: string,
    caster: string,
    retry: BallotRetry,
    content: string,
  ): Promise<SealedAnswer | null> {
    const { rows } = await this.pool.query<{
      retryTag: Buffer | null;
      sealedReceipt: Buffer | null;
    }>(RETRY_SQL, [voteId, voter, caster]);
    const earlier = rows[0];
    if (!earlier?.retryTag || !earlier.sealedReceipt || !earlier.retryTag.equals(retry.tag)) {
      return null;
    }
    const answer = openAnswer(retry, earlier.sealedReceipt, content);
    if (!answer) throw VotingErrors.CLIENT_REQUEST_ID_REUSED();
    return answer;
  }

  /** Whether a receipt is among the vote's ballots (the voter checks their ballot was counted). */
  async checkReceipt(voteId: string, receipt: string): Promise<boolean> {
    const receiptHash = createHash('sha256').update(receipt).digest('hex');
    const { rows } = await this.pool.query(
      'SELECT 1 FROM ballot WHERE vote_id = $1 AND receipt_hash = $2',
      [voteId, receiptHash],
    );
    return rows.length > 0;
  }
}
