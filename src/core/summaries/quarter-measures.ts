/**
 * The measures of the quarterly report: completed in the quarter, and the overdue ones cleared
 * (rules in quarterly-report.ts). Pure.
 */
import { measureRefs, type Ledger } from '../model/ledger.js';
import { completionDate } from './monthly-summary.js';
import type { MeasureItem } from '../rules/rollup.js';

export interface QuarterMeasure {
  id: string;
  title: string;
  area: number;
  units: readonly string[];
  leads: readonly string[];
  deadline: string;
  /** The date that counts (current milestone or approved extension). */
  due?: string;
  daysOverdue: number;
  escalated: boolean;
}

export interface QuarterCompleted extends QuarterMeasure {
  /** The month end it was first 已完成 at. */
  month: string;
  /** completed_on from the units' reports (YYYY-MM-DD), else the month reported (YYYY-MM). */
  completedOn?: string;
  /** It entered the quarter overdue. */
  overdueAtStart: boolean;
}

export type ClearedReason = '已完成' | '已延期' | '已调整';

export interface QuarterCleared extends QuarterMeasure {
  reason: ClearedReason;
}

export function quarterMeasure(item: MeasureItem): QuarterMeasure {
  return {
    id: item.id,
    title: item.title,
    area: item.area,
    units: item.units,
    leads: item.leads,
    deadline: item.deadline,
    ...(item.state.effectiveDue ? { due: item.state.effectiveDue } : {}),
    daysOverdue: item.state.daysOverdue,
    escalated: item.state.escalated,
  };
}

/** `items` without those in `others` (by id). */
export function without(items: readonly MeasureItem[], others: readonly MeasureItem[]): MeasureItem[] {
  const ids = new Set(others.map((i) => i.id));
  return items.filter((i) => !ids.has(i.id));
}

/** Overdue at the start, not at the end: why, as the end's ledger tells. */
export function clearedOverdue(items: readonly MeasureItem[], endItems: readonly MeasureItem[]): QuarterCleared[] {
  const atEnd = new Map(endItems.map((i) => [i.id, i]));
  return items.map((item) => {
    const now = atEnd.get(item.id);
    const reason: ClearedReason = now?.status === '已完成' ? '已完成' : now?.state.extended ? '已延期' : '已调整';
    return { ...quarterMeasure(now ?? item), reason };
  });
}

/**
 * 已完成 at the end (`endItems` of `end`) and not in `start`; the month: the first of `months` whose
 * ledger has it 已完成, else `lastMonth`.
 */
export function completedIn(
  start: Ledger,
  end: Ledger,
  endItems: readonly MeasureItem[],
  months: readonly { month: string; ledger: Ledger }[],
  lastMonth: string,
  overdueAtStart: ReadonlySet<string>,
): QuarterCompleted[] {
  const doneAtStart = doneIds(start);
  const doneByMonth = months.map((m) => ({ month: m.month, done: doneIds(m.ledger) }));
  const measures = new Map(measureRefs(end).map(({ measure }) => [measure.id, measure]));
  return endItems
    .filter((i) => i.status === '已完成' && !doneAtStart.has(i.id))
    .map((item) => {
      const completedOn = completionDate(measures.get(item.id)!);
      return {
        ...quarterMeasure(item),
        month: doneByMonth.find((m) => m.done.has(item.id))?.month ?? lastMonth,
        ...(completedOn ? { completedOn } : {}),
        overdueAtStart: overdueAtStart.has(item.id),
      };
    });
}

function doneIds(ledger: Ledger): Set<string> {
  return new Set(measureRefs(ledger).flatMap(({ measure }) => (measure.status === '已完成' ? [measure.id] : [])));
}
