import { UsageError } from '../errors.js';

/**
 * The one clock: the instant the run started, epoch milliseconds. "Today" is this instant's day in
 * the ledger's time zone (LedgerRepo.today), never the machine's local date. LEDGER_NOW (an ISO
 * instant with its zone, e.g. 2020-07-22T17:30:00Z) fixes it: tests, and re-running a past day's
 * command exactly as it ran then.
 */
export function clockNow(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.LEDGER_NOW;
  if (fixed === undefined || fixed === '') return Date.now();
  const ms = Date.parse(fixed);
  if (!/T.*(?:Z|[+-]\d\d:\d\d)$/.test(fixed) || !Number.isFinite(ms)) {
    throw new UsageError(
      `环境变量 LEDGER_NOW 的时刻“${fixed}”无效`,
      '写作带时区的 ISO 时刻，例如 LEDGER_NOW=2020-07-22T17:30:00Z；不设置时用系统时钟',
    );
  }
  return ms;
}
