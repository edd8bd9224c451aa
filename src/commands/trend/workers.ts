import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrendFilter, TrendGrouping, TrendMonth } from '../../core/trend.js';
import { GitError, UsageError, type GitErrorKind } from '../../errors.js';

/** What one walk over consecutive months needs: plain data, so a worker thread can be given it. */
export interface MonthSpan {
  root: string;
  asOf: string;
  today: string;
  by: TrendGrouping;
  filter: TrendFilter;
  months: string[];
  worktree?: boolean;
}

/** A failure in a worker, carried back as data (a thrown error loses its class on the way). */
export interface WorkerFailure {
  name: string;
  message: string;
  hint?: string;
  stderr?: string;
  kind?: GitErrorKind;
}

export type WorkerReply = { months: TrendMonth[] } | { error: WorkerFailure };

/** The worker's own file: dist/trend-worker.js beside the bundle's chunks (absent when run from src/). */
const WORKER_FILE = new URL('./trend-worker.js', import.meta.url);

/**
 * Measures × months from which the months are split between worker threads: below it a worker's
 * start (~0.1 s) and its first month, read whole, cost more than they save.
 */
const PARALLEL_FROM = 20_000;

/** Each worker takes at least this many months, so that most of its months reuse the previous one. */
const MONTHS_PER_WORKER = 3;

/** How many parts to split the months into; LEDGER_WORKERS=N overrides (1 = never). */
export function workerCount(measures: number, months: number): number {
  if (!existsSync(fileURLToPath(WORKER_FILE))) return 1;
  const forced = process.env.LEDGER_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.max(1, Math.min(Number(forced), months));
  if (measures * months < PARALLEL_FROM) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(months / MONTHS_PER_WORKER)));
}

/**
 * The months' rows, each run of consecutive months walked by its own worker thread, in order.
 * The first failure stops the other workers, so the command ends with it at once.
 */
export async function monthsInWorkers(span: MonthSpan, parts: number): Promise<TrendMonth[]> {
  const workers = splitEvenly(span.months, parts).map(
    (months) => new Worker(WORKER_FILE, { workerData: { ...span, months } }),
  );
  try {
    return (await Promise.all(workers.map(reply))).flat();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function reply(worker: Worker): Promise<TrendMonth[]> {
  return new Promise((resolve, reject) => {
    let replied = false;
    worker.once('message', (message: WorkerReply) => {
      replied = true;
      if ('months' in message) resolve(message.months);
      else reject(rebuild(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`走势计算的工作线程意外退出（退出码 ${code}）`));
    });
  });
}

function rebuild(failure: WorkerFailure): Error {
  if (failure.name === 'GitError') return new GitError(failure.message, failure.stderr, failure.hint, failure.kind);
  if (failure.name === 'UsageError') return new UsageError(failure.message, failure.hint);
  return new Error(failure.message);
}

/** `parts` consecutive runs of nearly equal length. */
function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0, start = 0; i < parts; i++) {
    const end = start + Math.floor((items.length - start) / (parts - i));
    runs.push(items.slice(start, end));
    start = end;
  }
  return runs.filter((run) => run.length > 0);
}
