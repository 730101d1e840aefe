import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { DEFAULT_MAX_QUERY_COST } from '../graphql/query-bounds';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const HOST_PORT_LIST = /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/;
const DURATION_LIST = /^\d+[smhd](,\d+[smhd])*$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90m` → 5,400,000. Input already matched DURATION_LIST. */
export function parseDuration(text: string): number {
  const unit = text.slice(-1) as keyof typeof UNIT_MS;
  return Number(text.slice(0, -1)) * UNIT_MS[unit];
}

/** A validated list of durations (possibly empty), without repeats, the longest first. */
function reminderOffsetsMs(list: string): number[] {
  if (list === '') return [];
  return [...new Set(list.split(',').map(parseDuration))].sort((a, b) => b - a);
}

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting of Delibera, read once from the environment and validated.
 * `.env.example` documents each one; the process refuses to start when one is wrong.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Port of the worker's health endpoints when it runs as its own process. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3001;

  /** Public base URL, used in links sent by email (invitations). */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  /** PostgreSQL connection string. Without it, an embedded PostgreSQL (PGlite) runs under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'], require_protocol: true })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** Local state for development: embedded database, mail files, generated secrets. */
  @IsString()
  DATA_DIR = './.data';

  /** Redis connection string. Without it, a local `redis-server` is started if installed. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true })
  REDIS_URL?: string;

  /** Overrides the URL's user and password, so the secret can live in its own variable. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REDIS_USERNAME?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REDIS_PASSWORD?: string;

  /** TLS to Redis (also implied by a rediss:// URL). */
  @Transform(toBool)
  @IsBoolean()
  REDIS_TLS = false;

  /** PEM file of the CA that signed the Redis server's certificate (private CAs). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REDIS_TLS_CA_FILE?: string;

  /** Only for a test server with a self-signed certificate; never turn off in production. */
  @Transform(toBool)
  @IsBoolean()
  REDIS_TLS_REJECT_UNAUTHORIZED = true;

  /** Redis Sentinel: `host:port` list; with REDIS_SENTINEL_MASTER it replaces REDIS_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(HOST_PORT_LIST, { message: 'REDIS_SENTINELS must be host:port[,host:port…]' })
  REDIS_SENTINELS?: string;

  @Transform(emptyToUndefined)
  @ValidateIf(
    (c: AppConfig) => c.REDIS_SENTINELS !== undefined || c.REDIS_SENTINEL_MASTER !== undefined,
  )
  @IsString()
  REDIS_SENTINEL_MASTER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REDIS_SENTINEL_PASSWORD?: string;

  /** Redis Cluster: seed `host:port` list; replaces REDIS_URL. QUEUE_PREFIX must keep its hash tag. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(HOST_PORT_LIST, { message: 'REDIS_CLUSTER_NODES must be host:port[,host:port…]' })
  REDIS_CLUSTER_NODES?: string;

  /** BullMQ key prefix; the braces are a Redis Cluster hash tag keeping each queue on one slot. */
  @Matches(/^[^:{}]*\{[^{}:]+\}[^:{}]*$/, {
    message: 'QUEUE_PREFIX must contain one {hash tag} (Redis Cluster) and no colon',
  })
  QUEUE_PREFIX = '{delibera}';

  /** Run the BullMQ processors inside the API process (local use); production runs apps/worker. */
  @Transform(toBool)
  @IsBoolean()
  RUN_WORKER_IN_PROCESS = true;

  /** How often the reconciler re-enqueues overdue deadlines found in PostgreSQL (the most a lost job can delay). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  RECONCILE_INTERVAL_SECONDS = 60;

  /**
   * How often the worker counts again what the reports read from summaries
   * (open votes' breakdowns, membership snapshots): the most those figures
   * lag, shown "as of" in the reports. 0: no schedule (tests refresh themselves).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  REPORTS_REFRESH_SECONDS = 300;

  /**
   * Hour (0–23, Montréal time) of the daily email digest for members who chose
   * one. Negative: no digest at all, every email goes at once (tests).
   */
  @Transform(toInt)
  @IsInt()
  @Max(23)
  NOTIFICATION_DIGEST_HOUR = 7;

  /** Jobs each worker process runs at once, per queue (deadlines are mostly waiting on PostgreSQL). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 8;

  /** A job's lock; a dead worker's jobs are retried within about twice this (BullMQ stalled check). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(600)
  JOB_LOCK_SECONDS = 30;

  /** /ready reports the queues down when a due job has waited longer than this (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  QUEUE_LAG_READY_SECONDS = 300;

  /** Reminders before a vote closes, only to those who have not voted: durations like `48h,2h` (s, m, h, d). */
  @Matches(DURATION_LIST, {
    message: 'VOTE_REMINDERS must be durations like 48h,2h (units s, m, h, d)',
  })
  VOTE_REMINDERS = '48h,2h';

  /** Reminders before a consultation is due, to the council's members while its opinion is awaited; empty: none. */
  @ValidateIf((c: AppConfig) => c.CONSULTATION_REMINDERS !== '')
  @Matches(DURATION_LIST, {
    message: 'CONSULTATION_REMINDERS must be durations like 48h,2h (units s, m, h, d), or empty',
  })
  CONSULTATION_REMINDERS = '48h';

  /** Secret for signing access tokens. Required in production; generated under DATA_DIR otherwise. */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.NODE_ENV === 'production' || c.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_TTL_DAYS = 14;

  /** Earlier signing secrets, comma-separated: tokens they signed stay valid until expiry (key rotation). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  JWT_PREVIOUS_SECRETS?: string;

  /** Express `trust proxy`: how many proxies (or which) stand before the API, for the client IP. */
  @IsString()
  TRUST_PROXY = 'loopback';

  /** Origins allowed to call the API from a browser, comma-separated; empty means same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /** Rate limits (Redis-backed, per IP or account); off only for benchmarks and load tests. */
  @Transform(toBool)
  @IsBoolean()
  RATE_LIMITS_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE = 30;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  LOGIN_FAILURES_BEFORE_LOCKOUT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOCKOUT_MINUTES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  INVITATION_ATTEMPTS_PER_IP_PER_MINUTE = 10;

  /** A proxy holder casts one ballot per member held, so this allows for several. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  BALLOTS_PER_ACCOUNT_PER_MINUTE = 120;

  /** Generous: a whole municipal office or campus may vote from one address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  BALLOTS_PER_IP_PER_MINUTE = 6000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Write logs to this file instead of standard output. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /**
   * The most a GraphQL operation may cost: 1 per field, and a list with `first`
   * (or `limit`) costs its fields once per item asked (its default, or the largest page, when not given).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_QUERY_COST = DEFAULT_MAX_QUERY_COST;

  /** Introspection and the Apollo landing page; off by default in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /** SMTP connection string (smtp:// or smtps://). Without it, mail is written as .eml files under DATA_DIR/mail. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['smtp', 'smtps'], require_protocol: true })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Delibera <no-reply@delibera.local>';

  /** VOTE_REMINDERS in milliseconds before close, the earliest reminder first. */
  get voteReminderOffsetsMs(): number[] {
    return reminderOffsetsMs(this.VOTE_REMINDERS);
  }

  /** CONSULTATION_REMINDERS in milliseconds before the due date, the earliest reminder first. */
  get consultationReminderOffsetsMs(): number[] {
    return reminderOffsetsMs(this.CONSULTATION_REMINDERS);
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** Every secret a token may be signed with, the current one first. */
  get jwtVerificationSecrets(): string[] {
    const previous = (this.JWT_PREVIOUS_SECRETS ?? '').split(',').map((s) => s.trim());
    return [this.JWT_SECRET ?? '', ...previous].filter((secret) => secret.length > 0);
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0);
  }

  get introspection(): boolean {
    return this.GRAPHQL_INTROSPECTION ?? !this.isProduction;
  }
}

const secret = (name: string) => /PASSWORD|SECRET/.test(name);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example.`,
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError that names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((m) => m.propertyName),
  );
  const relevant = Object.fromEntries(Object.entries(env).filter(([key]) => known.has(key)));
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const problems = errors.map(
    (e) =>
      `${e.property}=${JSON.stringify(secret(e.property) ? '***' : e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (config.REDIS_SENTINELS && config.REDIS_CLUSTER_NODES)
    problems.push('REDIS_SENTINELS and REDIS_CLUSTER_NODES: choose one Redis topology');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
