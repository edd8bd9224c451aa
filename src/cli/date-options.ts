import { isRealDay, monthLastDay } from '../core/model/calendar.js';
import { UsageError } from '../errors.js';

// Kept apart from spec.ts so that `ledger --version` loads no calendar.

/** --as-of as given; undefined means today, which the command asks its LedgerRepo (the ledger's time zone). */
export function parseAsOf(value: unknown): string | undefined {
  return value === undefined ? undefined : parseDateArgument(String(value), '--as-of');
}

export function parseDateArgument(value: string, flag: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const valid = match && isRealDay(value);
  if (valid) return value;
  const month = match ? Number(match[2]) : 0;
  if (match && month >= 1 && month <= 12 && Number(match[3]) > 28) {
    const last = monthLastDay(`${match[1]}-${match[2]}`);
    throw new UsageError(
      `${flag} 的日期“${value}”不存在：${Number(match[1])} 年 ${month} 月只有 ${Number(last.slice(8))} 天`,
      `写成这个月的最后一天：${flag} ${last}`,
    );
  }
  throw new UsageError(`${flag} 的日期“${value}”无效`, `日期写作 YYYY-MM-DD，例如 ${flag} 2020-07-15`);
}

export function parseMonthArgument(value: string, flag = '--month'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new UsageError(`${flag} 的月份“${value}”无效`, `月份写作 YYYY-MM，例如 ${flag} 2020-07`);
  }
  return value;
}
