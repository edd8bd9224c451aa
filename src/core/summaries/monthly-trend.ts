/**
 * One month of the summary's trend: the ledger as it stood on that month's
 * summary day, counted on that day. Pure: the ledger and the day are given
 * (commands/summary/trend.ts reads past ledgers from Git).
 */
import type { Ledger } from '../model/ledger.js';
import { countItems, evaluateLedger } from '../rules/rollup.js';

export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  /** The day the month was counted on. */
  asOf: string;
  measures: number;
  done: number;
  completionPercent: number;
  overdue: number;
  escalated: number;
}

export function trendPoint(ledger: Ledger, month: string, asOf: string): TrendPoint {
  const { measures, done, completionPercent, overdue, escalated } = countItems(evaluateLedger(ledger, asOf));
  return { month, asOf, measures, done, completionPercent, overdue, escalated };
}
