/**
 * What a measure's 完成时限 means on a given day (`asOf`, never the clock).
 *
 * Rules:
 * - 已完成 is never overdue, whatever the dates.
 * - A dated measure's current milestone is the first one not yet met
 *   (`milestones_met` counts met milestones in order). Each milestone is the
 *   last day of its period: 月底 = last day of that month, 年底 = 31 December.
 * - An approved extension (state 已批准) moves the current milestone's date to
 *   its `until` when later; with several, the latest decided wins. The written
 *   date stays visible as `writtenDue`.
 * - Overdue from the day after the effective date; 严重逾期 when overdue by more
 *   than `escalation_days`; 临期 when 0..due_soon_days days are left.
 * - 长期 and 适时 are never overdue. Once the measure has unit reports, it is
 *   flagged 本月未报进展 when no report exists for the month currently due: the
 *   current month after its report day (config.report_day), else the previous month.
 */
import { daysBetween, shiftMonth } from '../model/calendar.js';
import { parseDeadline, type DeadlineKind, type Milestone } from '../model/deadline.js';
import type { Config, Extension, Measure } from '../model/schema.js';
import type { Status } from './status.js';

export const PHASES = [
  '严重逾期',
  '逾期',
  '临期',
  '本月未报进展',
  '推进中',
  '未启动',
  '长期',
  '适时',
  '已完成',
] as const;
/** The computed state of a measure, most urgent first; only 已完成/推进中/未启动 are ever stored. */
export type Phase = (typeof PHASES)[number];

/** Chinese explanations of each phase, for legends and `ledger show`. */
export const PHASE_DESCRIPTIONS: Record<Phase, string> = {
  严重逾期: '逾期超过升级天数，需督办',
  逾期: '已过完成时限仍未完成',
  临期: '距完成时限不足临期天数',
  本月未报进展: '长期/适时事项，应报月份没有报送进展',
  推进中: '正在推进，未到完成时限',
  未启动: '尚未启动，未到完成时限',
  长期: '长期事项，不设完成时限',
  适时: '适时推进，不设完成时限',
  已完成: '已完成',
};

export interface EvaluateOptions {
  /** Overrides config.due_soon_days (`--within N`). */
  dueSoonDays?: number;
  /**
   * Lights that remember (core/rules/remembered-lights.ts): the measure ids, and `id\0unit` for a unit's
   * part, overdue at the previous month end; those done on the day are 补齐 (caughtUp) for the month.
   */
  overdueBefore?: ReadonlySet<string>;
}

export interface MeasureState {
  phase: Phase;
  status: Status;
  /** 'unknown' when the written deadline cannot be parsed (validate reports it). */
  kind: DeadlineKind | 'unknown';
  overdue: boolean;
  /** Overdue by more than escalation_days. */
  escalated: boolean;
  dueSoon: boolean;
  /** 长期/适时 without a report for the month currently due. */
  noProgressThisMonth: boolean;
  /** Days past the effective date; 0 when not overdue. */
  daysOverdue: number;
  /** Days until the effective date (0 = due today); undefined when overdue or without a date. */
  daysLeft?: number;
  currentMilestone?: Milestone;
  /** 1-based number of the current milestone and how many there are. */
  milestoneNumber?: number;
  milestoneCount?: number;
  /** The date that counts: the current milestone's, or the approved extension's. */
  effectiveDue?: string;
  /** The current milestone's date as written in the document. */
  writtenDue?: string;
  extended: boolean;
  extension?: Extension;
  /** The report month checked for 长期/适时 (YYYY-MM). */
  reportMonth?: string;
}

/** What evaluation reads of a measure. */
export type EvaluatedFields = Pick<Measure, 'deadline' | 'status' | 'milestones_met' | 'extensions' | 'unit_reports'>;

/**
 * Evaluates one measure on `asOf` (YYYY-MM-DD). Pure. Status evaluates every part of every measure
 * at each remembered month end, so each state is one object literal: on Node 20 an object spread
 * followed by more keys costs ~30 µs, the whole of `ledger status` twice over.
 */
export function evaluateMeasure(
  measure: EvaluatedFields,
  asOf: string,
  config: Pick<Config, 'due_soon_days' | 'escalation_days' | 'report_day'>,
  options: EvaluateOptions = {},
): MeasureState {
  const deadline = parseDeadline(measure.deadline);
  if (!deadline) return settled(measure.status, 'unknown', statusPhase(measure.status));
  if (deadline.kind !== 'dated') return evaluateUndated(measure, deadline.kind, asOf, config.report_day);
  const count = deadline.milestones.length;
  const met = Math.min(measure.milestones_met ?? 0, count);
  const current = deadline.milestones[met];
  if (measure.status === '已完成' || !current) {
    const state = settled(measure.status, 'dated', statusPhase(measure.status));
    state.milestoneCount = count;
    state.milestoneNumber = current ? met + 1 : undefined;
    return state;
  }
  const extension = approvedExtension(measure.extensions ?? []);
  const extended = extension !== undefined && extension.until > current.due;
  const effectiveDue = extended ? extension.until : current.due;
  const days = daysBetween(asOf, effectiveDue);
  const overdue = days < 0;
  const daysOverdue = overdue ? -days : 0;
  const escalated = daysOverdue > config.escalation_days;
  const dueSoon = !overdue && days <= (options.dueSoonDays ?? config.due_soon_days);
  const phase: Phase = escalated ? '严重逾期' : overdue ? '逾期' : dueSoon ? '临期' : statusPhase(measure.status);
  return {
    status: measure.status,
    overdue,
    escalated,
    dueSoon,
    noProgressThisMonth: false,
    daysOverdue,
    extended,
    kind: 'dated',
    milestoneCount: count,
    milestoneNumber: met + 1,
    phase,
    daysLeft: overdue ? undefined : days,
    currentMilestone: current,
    effectiveDue,
    writtenDue: current.due,
    extension: extended ? extension : undefined,
  };
}

/** 长期/适时: never overdue; 本月未报进展 once reports exist but none for the month due. */
function evaluateUndated(
  measure: EvaluatedFields,
  kind: 'ongoing' | 'when-appropriate',
  asOf: string,
  reportDay: number,
): MeasureState {
  if (measure.status === '已完成') return settled(measure.status, kind, '已完成');
  const reportMonth = dueReportMonth(asOf, reportDay);
  const reports = Object.values(measure.unit_reports ?? {});
  const stale = reports.length > 0 && !reports.some((r) => r.month >= reportMonth);
  const state = settled(measure.status, kind, stale ? '本月未报进展' : kind === 'ongoing' ? '长期' : '适时');
  state.noProgressThisMonth = stale;
  state.reportMonth = reportMonth;
  return state;
}

/** A state that is neither overdue nor due soon. */
function settled(status: Status, kind: MeasureState['kind'], phase: Phase): MeasureState {
  return {
    status,
    overdue: false,
    escalated: false,
    dueSoon: false,
    noProgressThisMonth: false,
    daysOverdue: 0,
    extended: false,
    kind,
    phase,
  };
}

/** Stored statuses are phases too. */
function statusPhase(status: Status): Phase {
  return status;
}

/** The approved extension decided last (by decided_on, then by order in the file). */
export function approvedExtension(extensions: readonly Extension[]): Extension | undefined {
  let latest: Extension | undefined;
  for (const extension of extensions) {
    if (extension.state !== '已批准') continue;
    if (!latest || (extension.decided_on ?? '') >= (latest.decided_on ?? '')) latest = extension;
  }
  return latest;
}

/** The month whose report is due on `asOf`: this month after the report day, else the previous one. */
export function dueReportMonth(asOf: string, reportDay: number): string {
  const month = asOf.slice(0, 7);
  return Number(asOf.slice(8, 10)) > reportDay ? month : shiftMonth(month, -1);
}
