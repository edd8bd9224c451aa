/** A worker thread of `ledger trend` (see workers.ts): walks its run of months and posts the rows back. */
import { parentPort, workerData } from 'node:worker_threads';
import { trendMonths } from './run.js';
import type { MonthSpan, WorkerFailure, WorkerReply } from './workers.js';

function failure(error: unknown): WorkerFailure {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { hint, stderr, kind } = error as Partial<WorkerFailure>;
  return { name: error.name, message: error.message, hint, stderr, kind };
}

const reply = (message: WorkerReply) => parentPort!.postMessage(message);
trendMonths(workerData as MonthSpan).then(
  (months) => reply({ months }),
  (error: unknown) => reply({ error: failure(error) }),
);
