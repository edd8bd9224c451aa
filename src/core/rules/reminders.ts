/**
 * 提醒 (催报、催办): for each unit, what it should hear this month — its
 * missing report, its own overdue parts, its parts due soon. Pure.
 *
 * Rules:
 * - Parts are the unit's own (parts.ts): a unit is reminded only of what it
 *   has not finished itself, by its own deadline (its own extensions count).
 * - 临期: not overdue and due within `within` days (default config.due_soon_days).
 * - A unit with nothing to be reminded of gets no section.
 */
import { measureRefs, type Ledger } from '../model/ledger.js';
import { evaluatePart, measureParts } from './parts.js';
import type { MonthReportCounts } from '../reports/report-counts.js';
import { obligatedUnits } from './rollup.js';

export interface ReminderPart {
  id: string;
  title: string;
  deadline: string;
  leads: readonly string[];
  /** Overdue days, or days left for a part due soon. */
  days: number;
  /** The date that counts for this unit (its own extension applied). */
  due: string;
}

export interface UnitReminder {
  unit: string;
  /** The month's report has not arrived: the day it was due. */
  missingReport?: { month: string; due: string };
  overdue: ReminderPart[];
  dueSoon: ReminderPart[];
}

export interface ReminderOptions {
  unit?: string;
  within?: number;
}

export function buildReminders(
  ledger: Ledger,
  asOf: string,
  reports: MonthReportCounts | undefined,
  options: ReminderOptions = {},
): UnitReminder[] {
  const within = options.within ?? ledger.config.due_soon_days;
  const byUnit = new Map<string, UnitReminder>();
  const entry = (unit: string) => byUnit.get(unit) ?? byUnit.set(unit, { unit, overdue: [], dueSoon: [] }).get(unit)!;
  for (const row of reports?.rows ?? []) {
    if (row.state === 'missing') entry(row.unit).missingReport = { month: reports!.month, due: reports!.due };
  }
  for (const ref of measureRefs(ledger)) {
    for (const part of measureParts(ref.measure, ledger.units)) {
      if (part.status === '已完成') continue;
      const state = evaluatePart(ref.measure, part.unit, asOf, ledger.config, { dueSoonDays: within });
      if (!state.overdue && !state.dueSoon) continue;
      const { measure } = ref;
      const line = {
        id: measure.id,
        title: measure.title,
        deadline: measure.deadline,
        leads: ref.leads,
        days: state.overdue ? state.daysOverdue : (state.daysLeft ?? 0),
        due: state.effectiveDue ?? '',
      };
      (state.overdue ? entry(part.unit).overdue : entry(part.unit).dueSoon).push(line);
    }
  }
  for (const reminder of byUnit.values()) {
    reminder.overdue.sort((a, b) => b.days - a.days);
    reminder.dueSoon.sort((a, b) => a.days - b.days);
  }
  const order = obligatedUnits(ledger);
  const rank = (unit: string) => (order.includes(unit) ? order.indexOf(unit) : order.length);
  return [...byUnit.values()]
    .filter((r) => options.unit === undefined || r.unit === options.unit)
    .sort((a, b) => rank(a.unit) - rank(b.unit));
}
