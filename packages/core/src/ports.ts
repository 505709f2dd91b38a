/**
 * Ports: what the core needs from the outside world, implemented by adapters in packages/local
 * (one machine) and packages/aws (the cloud). The core imports none of those adapters.
 */
import type { StrategyOutput } from './types.js';

export type StrategyLanguage = 'python' | 'javascript' | 'typescript';

/** Candle columns handed to a strategy. `timestamp` is the bar open time in ms UTC. */
export interface StrategyData {
  timestamp: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export interface RuntimeLimits {
  /** Wall-clock limit of the whole job, in ms (default 10 s). */
  timeoutMs: number;
  /** Memory limit in MB (default 256). */
  memoryMb: number;
}

/** One run of a strategy over one window of data. */
export interface StrategyJob {
  code: string;
  language: StrategyLanguage;
  data: StrategyData;
  /**
   * Parameter overrides. Values may be strings (from `--param k=v`): the runtime types them by the
   * strategy's own defaults and reports the resolved set.
   */
  params: Record<string, unknown>;
  limits: RuntimeLimits;
  /**
   * Who the job runs for (the user id): a runtime never runs jobs of different owners in one sandbox
   * instance. Absent means `LOCAL_OWNER` (`'local'`), the one user of a local machine; callers serving
   * several users must set it.
   */
  owner?: string;
}

/** The owner of jobs that name none: the single user of a local machine (the CLI). */
export const LOCAL_OWNER = 'local';

export interface StrategyRun {
  /** What `strategy` returned, or what the SDK built from `on_bar` calls (not yet validated). */
  output: StrategyOutput;
  /** `vectorized` for `strategy(data, params)`, `event` for `on_bar`/`onBar` (causal by construction). */
  style: 'vectorized' | 'event';
  /** Defaults merged with the overrides, as the strategy saw them. */
  params: Record<string, unknown>;
  /** Captured print/console.log output, at most 64 KB, then a `…[truncated]` marker. */
  logs: string;
  /** How the job was isolated: `bwrap`, `process`, `lambda`. */
  isolation: string;
  /** Version of the SDK the runtime injected. */
  sdkVersion: string;
}

/**
 * Runs untrusted strategy code somewhere safe. Failures are thrown as StratexError with the codes of
 * CONTRACT.md section 4 (CODE_REJECTED, STRATEGY_ERROR, TIMEOUT, MEMORY_LIMIT, SANDBOX_VIOLATION).
 */
export interface RuntimeInvoker {
  run(job: StrategyJob): Promise<StrategyRun>;
}

/** Time, injected so that paper trading and tests can fix "now". */
export interface Clock {
  now(): number;
}

/** Which candles a run needs. Times are ms UTC; bars are selected by their open time. */
export interface CandleQuery {
  /** `csv`, `synthetic`, or an exchange id (`kraken`, `binance`, …). */
  provider: string;
  symbol: string;
  /** `1m`, `5m`, `1h`, `4h`, `1d`, `1w`, … */
  timeframe: string;
  /** Counted bars open at or after this time… */
  from: number;
  /** …and before this time. */
  to: number;
  /** How many bars before `from` to hand to the strategy for its warm-up. */
  warmupBars: number;
  /** Seed of the `synthetic` provider (other providers ignore it). */
  seed?: number;
}

/** Candles for one run: warm-up bars first, then the counted bars, closed bars only. */
export interface CandleSet {
  data: StrategyData;
  /** Warm-up bars at the start of `data` (fewer than asked when the data starts later). */
  warmupBars: number;
  timeframeMs: number;
  /** Runs of missing bars between the bars handed over (gaps stay gaps). */
  gaps: number;
  /** Bars missing in those runs. */
  missingBars: number;
  /** Exact duplicate rows dropped among the bars handed over. */
  duplicatesDropped: number;
  /** Things the user should know (a short warm-up, data starting after `from`, …). */
  warnings: string[];
}

/**
 * Market data for the execution service. Failures are StratexError: `INVALID_REQUEST` (bad query or
 * input file), `DATA_UNAVAILABLE` (no such data), `PROVIDER_ERROR` (the source failed).
 */
export interface CandleProvider {
  candles(query: CandleQuery): Promise<CandleSet>;
}

/** One stored series of candles: a provider's bars of one symbol at one timeframe. */
export interface SeriesKey {
  /** An exchange id (`kraken`, `binance`, …). */
  provider: string;
  symbol: string;
  timeframe: string;
}

/** What the store knows of one series. Times are bar open times in ms UTC. */
export interface SeriesCoverage extends SeriesKey {
  /** Bars stored. */
  bars: number;
  /** Open time of the first and of the last stored bar (undefined while no bar is stored). */
  first?: number;
  last?: number;
  /**
   * Disjoint sorted [start, end) ranges whose bars are known: every bar the source has there is
   * stored, so a missing bar inside is a real gap, not a range still to fetch.
   */
  ranges: Array<[number, number]>;
  /** When the series last changed (ms UTC). */
  updatedAt: number;
}

/** How one write changed the store. Writing the same bars again adds and replaces nothing. */
export interface PutBarsResult {
  /** Bars that were not stored before. */
  added: number;
  /** Bars stored before with other values, now replaced by the new ones. */
  replaced: number;
  /** Bars stored before with the same values. */
  unchanged: number;
}

/**
 * Candles kept per series in chunks (DESIGN.md: one item per provider, symbol, timeframe and chunk).
 * Writes are idempotent and safe to run concurrently (conditional writes, no transactions).
 */
export interface CandleStore {
  /**
   * Merges `bars` (sorted by time, one bar per time) into the series and marks `covered` [start, end)
   * as known (defaults to the span of `bars`).
   */
  putBars(series: SeriesKey, bars: StrategyData, covered?: [number, number]): Promise<PutBarsResult>;
  /** Stored bars with from ≤ time < to, sorted by time. */
  getRange(series: SeriesKey, from: number, to: number): Promise<StrategyData>;
  /** The series' coverage record, or undefined for a series never written. */
  coverage(series: SeriesKey): Promise<SeriesCoverage | undefined>;
  /** Every series the store holds. */
  listSeries(): Promise<SeriesCoverage[]>;
}

/** An exchange's (or an LLM vendor's) credentials, as the user stored them. */
export interface ProviderKeys {
  apiKey: string;
  secret: string;
  passphrase?: string;
}

/** What a listing may show of stored keys: masks only (`abcd…wxyz`), never the keys. */
export interface MaskedKeys {
  provider: string;
  apiKey: string;
  secret: string;
  passphrase?: string;
}

/**
 * Stored credentials per provider id (`kraken`, `alpaca`, …), for one user: the local encrypted key file
 * or Secrets Manager. Only trusted code reads keys; they never appear in logs, errors or results.
 */
export interface KeyVault {
  get(provider: string): Promise<ProviderKeys | undefined>;
  set(provider: string, keys: ProviderKeys): Promise<void>;
  list(): Promise<MaskedKeys[]>;
  /** Resolves to false when nothing was stored for `provider`. */
  delete(provider: string): Promise<boolean>;
}

export type ExecutionStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * What the execution table keeps of one run: metadata only (DESIGN.md: DynamoDB items stay small); the
 * result JSON of CONTRACT.md section 3 lives in the BlobStore under `resultKey`.
 */
export interface ExecutionRecord {
  /** `exe_…`, sortable by creation time (execution-id.ts). */
  id: string;
  /** Owner: every item is keyed by user id, and one user never reads another's records. */
  userId: string;
  status: ExecutionStatus;
  mode: 'BACKTEST' | 'PAPER' | 'LIVE';
  /** ms UTC. */
  createdAt: number;
  updatedAt: number;
  strategyId?: string;
  language: StrategyLanguage;
  providerId: string;
  symbol: string;
  timeframe: string;
  /** Key of the result JSON in the BlobStore, once the run ended (succeeded or failed). */
  resultKey?: string;
  /** The failure, for a failed run (also inside the result JSON). */
  error?: { code: string; message: string };
}

/** One page of a listing, newest first; `next` is an opaque cursor for the following page. */
export interface Page<T> {
  items: T[];
  next?: string;
}

/** The fields of a record that change while it runs. */
export type ExecutionChange = Partial<Pick<ExecutionRecord, 'status' | 'updatedAt' | 'resultKey' | 'error'>>;

/**
 * Executions per user (DynamoDB in the cloud and on a laptop). Writes are conditional, never
 * transactions: `create` fails with INVALID_REQUEST when the id exists, `update` changes a record only
 * while its status is `expected` (resolves false otherwise, e.g. a second worker got there first).
 */
export interface ExecutionRepo {
  create(record: ExecutionRecord): Promise<void>;
  update(userId: string, id: string, change: ExecutionChange, expected: ExecutionStatus): Promise<boolean>;
  /** undefined for an unknown id and for another user's id alike. */
  get(userId: string, id: string): Promise<ExecutionRecord | undefined>;
  /** Newest first; `limit` 1..100. A malformed cursor is INVALID_REQUEST. */
  list(userId: string, options: { limit: number; cursor?: string }): Promise<Page<ExecutionRecord>>;
}

/**
 * Large payloads (result JSON, big candle sets): S3 in the cloud, files under STRATEX_HOME locally.
 * Keys are relative paths of `[A-Za-z0-9._/-]` chosen by trusted code (never by a user).
 */
export interface BlobStore {
  put(key: string, body: Uint8Array): Promise<void>;
  /** undefined when nothing is stored under `key`. */
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
}
