/**
 * Units' reporting record over a quarter (季度报送情况): for each unit, each month's report on time,
 * late or missing, as `ledger missing --month` counted it at that month's end. Pure.
 *
 * Rules:
 * - A month's owing units and their states come from that month's report counts (report-counts.ts),
 *   narrowed to the units the month's ledger (scoped by --lead/--area) names.
 * - A unit named by the ledger but not owing that month (its parts all done earlier): 无需报送.
 * - A month without counts (no report in the repository yet, or its report day not reached): —.
 */
import type { Ledger } from '../model/ledger.js';
import { measureRefs } from '../model/ledger.js';
import type { MonthReportCounts, ReportState } from '../reports/report-counts.js';
import { obligatedUnits } from '../rules/rollup.js';
import { reportingUnits } from '../model/units.js';

export type QuarterReportState = ReportState | 'not-owing' | 'none';

export interface UnitMonthReport {
  month: string;
  state: QuarterReportState;
  /** First commit of the report file (ISO 8601), or the day it was received. */
  committed?: string;
  received?: string;
}

export interface UnitQuarterRecord {
  unit: string;
  months: UnitMonthReport[];
  onTime: number;
  late: number;
  missing: number;
}

export interface ReportingMonth {
  month: string;
  ledger: Ledger;
  /** Undefined when the month's reports were not counted (see the rules). */
  reports?: MonthReportCounts;
}

/** One row per unit the quarter's ledgers name, in the order of the last month's ledger. */
export function quarterReporting(months: readonly ReportingMonth[]): UnitQuarterRecord[] {
  const named = months.map(({ ledger }) => new Set(namedUnits(ledger)));
  const last = months.at(-1);
  const order = last ? obligatedUnits(last.ledger) : [];
  const all = [...new Set([...order, ...named.flatMap((set) => [...set])])];
  return all.map((unit) => {
    const cells = months.map(({ month, reports }, i) => monthCell(unit, month, named[i]!, reports));
    const count = (state: QuarterReportState) => cells.filter((c) => c.state === state).length;
    return { unit, months: cells, onTime: count('on-time'), late: count('late'), missing: count('missing') };
  });
}

function monthCell(
  unit: string,
  month: string,
  named: ReadonlySet<string>,
  reports: MonthReportCounts | undefined,
): UnitMonthReport {
  if (!reports) return { month, state: 'none' };
  const row = named.has(unit) ? reports.rows.find((r) => r.unit === unit) : undefined;
  if (!row) return { month, state: 'not-owing' };
  return {
    month,
    state: row.state,
    ...(row.committed ? { committed: row.committed } : {}),
    ...(row.received ? { received: row.received } : {}),
  };
}

function namedUnits(ledger: Ledger): string[] {
  return [...new Set(measureRefs(ledger).flatMap(({ measure }) => reportingUnits(ledger.units, measure.units)))];
}
