/**
 * The 责任单位通报: units ranked on their own record, never on other units' gaps.
 *
 * A unit's record (its own parts, parts.ts):
 * - 按时完成率: own parts finished by their own deadline (completed_on, else the
 *   report month, against the measure's deadline moved by the unit's own approved
 *   extension) ÷ own parts that are due (finished, or past their deadline);
 *   1 when nothing is due yet;
 * - 逾期: own parts overdue on the day;
 * - 本月报送: on time 1, late ½, missing 0 (1 when the unit owes no report);
 * - 本年按时报送率: the same over the months of the year so far.
 * Score = 按时完成 × rate + 本月报送 × month + 本年报送 × year − 逾期 × overdue parts,
 * with the weights of config.yaml `ranking`. Higher first; equal scores share a rank.
 * Units that never reported (no merged report, no report file this year) are not
 * ranked: they are listed apart, so silence is visible and never rewarded.
 * Pure.
 */
import type { NoticeCounts } from '../rules/supervision-record.js';
import { daysBetween } from '../model/calendar.js';
import { parseDeadline } from '../model/deadline.js';
import type { PartItem } from '../rules/part-items.js';
import type { MonthReportCounts, ReportState } from '../reports/report-counts.js';
import type { UnitRow } from '../rules/rollup.js';
import type { Config } from '../model/schema.js';
import { verificationState } from '../rules/verification.js';

export type RankingWeights = Config['ranking'];

export interface UnitRecord extends UnitRow {
  /** Own parts finished, or past their own deadline. */
  dueParts: number;
  /** Own parts finished by their own deadline. */
  doneOnTime: number;
  /** This month's report; absent when the unit owes none (or there are no reports). */
  report?: ReportState;
  /** Reports of the year so far: points (on time 1, late ½) and months owed. */
  yearPoints: number;
  yearOwed: number;
  /** Ever reported: a merged report on some part, or a report file this year. */
  reported: boolean;
  /** 督办单 received from the month's first day to asOf (考评 record); absent when none. */
  notices?: NoticeCounts;
}

export interface UnitRanking extends UnitRecord {
  rank: number;
  score: number;
}

export interface RankedUnits {
  ranking: UnitRanking[];
  /** Units with parts that never reported; empty while no unit has reported at all. */
  neverReported: UnitRecord[];
}

const REPORT_POINTS: Record<ReportState, number> = { 'on-time': 1, received: 1, uncommitted: 1, late: 0.5, missing: 0 };

/** Whether a finished part was finished by its own deadline (长期/适时: always). */
export function finishedOnTime(item: PartItem): boolean {
  const part = item.parts.find((p) => p.unit === item.unit);
  const due = partDue(item);
  if (due === undefined) return true;
  const report = part?.report;
  if (!report) return true;
  if (report.completed_on) return daysBetween(report.completed_on, due) >= 0;
  return report.month <= due.slice(0, 7);
}

/** The part's own last due day (its approved extension counted); undefined for 长期/适时. */
function partDue(item: PartItem): string | undefined {
  const deadline = parseDeadline(item.deadline);
  if (deadline?.kind !== 'dated') return undefined;
  const due = deadline.milestones.at(-1)!.due;
  return item.extension && item.extension.until > due ? item.extension.until : due;
}

/** A unit's record from its parts and the report counts of this month and of the year so far. */
export function unitRecord(
  row: UnitRow,
  parts: readonly PartItem[],
  month?: MonthReportCounts,
  year: readonly MonthReportCounts[] = [],
  /**
   * Given when config.require_verification: a part reported 已完成 counts as finished only once verified;
   * until then it is 待核验, and due (unfinished) once its own deadline is before `asOf`.
   */
  verification?: { asOf: string },
): UnitRecord {
  const waiting = verification ? parts.filter((p) => p.status === '已完成' && awaitsVerification(p)) : [];
  const done = parts.filter((p) => p.status === '已完成' && !waiting.includes(p));
  const lateWaiting = waiting.filter((p) => (partDue(p) ?? verification!.asOf) < verification!.asOf);
  const report = month?.rows.find((r) => r.unit === row.unit)?.state;
  const states = year.flatMap((m) => m.rows.filter((r) => r.unit === row.unit).map((r) => r.state));
  const filed = states.some((s) => s !== 'missing') || (report !== undefined && report !== 'missing');
  return {
    ...row,
    dueParts: done.length + lateWaiting.length + parts.filter((p) => p.status !== '已完成' && p.state.overdue).length,
    doneOnTime: done.filter(finishedOnTime).length,
    ...(report ? { report } : {}),
    yearPoints: states.reduce((sum, s) => sum + REPORT_POINTS[s], 0),
    yearOwed: states.length,
    reported: filed || parts.some((p) => p.reported),
  };
}

/** Reported 已完成 by its unit and not verified by the lead (待核验 when verification is required). */
function awaitsVerification(item: PartItem): boolean {
  const report = item.parts.find((p) => p.unit === item.unit)?.report;
  return verificationState(report, true) === '待核验';
}

export function unitScore(r: UnitRecord, w: RankingWeights): number {
  const onTime = r.dueParts === 0 ? 1 : r.doneOnTime / r.dueParts;
  const month = r.report ? REPORT_POINTS[r.report] : 1;
  const year = r.yearOwed === 0 ? 1 : r.yearPoints / r.yearOwed;
  const score = w.done_on_time * onTime + w.report_month * month + w.report_year * year - w.overdue * r.overdue;
  return Math.round(score * 10) / 10;
}

/** Ranks the units that reported; lists apart those that never did (once anybody has). */
export function rankUnits(records: readonly UnitRecord[], weights: RankingWeights): RankedUnits {
  const anybody = records.some((r) => r.reported);
  const ranked = records.filter((r) => r.reported || !anybody).map((r) => ({ ...r, score: unitScore(r, weights) }));
  ranked.sort((a, b) => b.score - a.score);
  const ranking = ranked.map((r) => ({ ...r, rank: 1 + ranked.filter((o) => o.score > r.score).length }));
  return { ranking, neverReported: anybody ? records.filter((r) => !r.reported) : [] };
}

/** The formula in words, shown under the 通报 table. */
export function rankingFormula(w: RankingWeights): string {
  return (
    `得分 = ${w.done_on_time} × 按时完成率 + ${w.report_month} × 本月报送（按时 1，迟报 0.5，未报 0）` +
    ` + ${w.report_year} × 本年按时报送率 − ${w.overdue} × 本单位逾期措施数` +
    '（只计本单位自己的部分；权重见 ledger/config.yaml 的 ranking）'
  );
}
