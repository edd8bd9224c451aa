import { countBySeverity } from '../../core/model/diagnostic.js';
import type { EvaluateOptions } from '../../core/rules/evaluate.js';
import { measureRefs, type Ledger } from '../../core/model/ledger.js';
import type { PartItem } from '../../core/rules/part-items.js';
import type { Status } from '../../core/rules/status.js';
import { verificationState } from '../../core/rules/verification.js';
import {
  rollupByArea,
  rollupByLead,
  rollupByUnit,
  rollupForLead,
  unitObligations,
  countItems,
  type AreaRow,
  type Counts,
  type LeadRow,
  type TaskRow,
  type UnitRow,
} from '../../core/rules/rollup.js';
import { noticeCountsByUnit, pendingVerifications, type NoticeCounts } from '../../core/rules/supervision-record.js';
import { UsageError } from '../../errors.js';
import type { LedgerVersion } from '../../core/model/ledger-version.js';
import { onLedgerDay, type LedgerRepo } from '../../io/ledger-repo.js';
import type { GatheredReports } from '../../core/reports/report-counts.js';
import { dueReportCounts } from '../../io/report-counts.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';
import { lightMemory } from '../shared/light-memory.js';
import {
  areaKey,
  overdueBefore,
  redMonths,
  unitKey,
  withRedMonths,
  type LightMemory,
} from '../../core/rules/remembered-lights.js';

export const STATUS_VIEWS = ['area', 'unit', 'lead'] as const;
export type StatusGrouping = (typeof STATUS_VIEWS)[number];

export interface StatusOptions {
  root: string;
  cwd?: string;
  /** The day; default today in the ledger's time zone. */
  asOf?: string;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
  /** One unit's obligations (name or alias). */
  unit?: string;
  /** The tasks one unit leads (name or alias). */
  lead?: string;
  /** One row per area (default), per reporting unit or per lead unit. */
  by?: StatusGrouping;
  /** Due-soon window in days; default config.due_soon_days. */
  within?: number;
}

interface StatusBase {
  title: string;
  asOf: string;
  /** Which version of the ledger was evaluated. */
  version: LedgerVersion;
  dueSoonDays: number;
  escalationDays: number;
  /** Errors found while loading; files with errors are left out of the figures. */
  problems: number;
  /** The files those errors are in (a version from Git may hold errors the work tree no longer has). */
  problemFiles?: string[];
  total: Counts;
  /** The due month's report counts, once the ledger has reports. */
  reports?: GatheredReports;
  /** 督办单 this year and parts waiting for verification, once there are any. */
  supervision?: StatusSupervision;
  /** The month ends the lights remembered (core/rules/remembered-lights.ts), newest first; absent without history. */
  monthEnds?: string[];
}

export interface StatusSupervision {
  /** Notices counted from this day (1 January of the as-of year) to asOf. */
  noticesSince: string;
  notices: Record<string, NoticeCounts>;
  /** Parts reported 已完成 and not yet verified (config.require_verification). */
  pendingVerification: number;
}

export type StatusResult =
  | (StatusBase & { view: 'by-area'; rows: AreaRow[] })
  | (StatusBase & { view: 'by-unit'; rows: UnitRow[] })
  | (StatusBase & { view: 'by-lead'; rows: LeadRow[] })
  | (StatusBase & {
      view: 'unit';
      unit: string;
      typed: string;
      groups: string[];
      items: UnitMeasureItem[];
      /** 连续 N 个月红灯 of the unit (N ≥ 2). */
      redMonths?: number;
    })
  | (StatusBase & { view: 'lead'; lead: string; typed: string; rows: TaskRow[] });

/** A measure in one unit's view: the unit's own part (status, state), the whole measure, its latest merged report. */
export type UnitMeasureItem = PartItem & {
  /** The unit's latest merged report; `pending` when it says 已完成 and waits for verification (require_verification). */
  ownReport?: { month: string; status: Status; pending?: '待核验' };
};

/** Loads the ledger once and computes the requested view on `asOf`, with the month's report counts once reports exist. */
export function status(options: StatusOptions): Promise<StatusResult> {
  return onLedgerDay(options, statusOn);
}

type DayOptions = StatusOptions & { asOf: string };

async function statusOn(repo: LedgerRepo, options: DayOptions): Promise<StatusResult> {
  const { ledger, diagnostics, version, reportFiles } = await repo.version(options);
  const memory = await lightMemory(repo, ledger, options.asOf);
  const view = remembered(statusView(ledger, countBySeverity(diagnostics).errors, version, options, memory), memory);
  const problemFiles = [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))];
  if (problemFiles.length > 0) view.problemFiles = problemFiles;
  const supervision = supervisionOf(ledger, options.asOf);
  const result = supervision ? { ...view, supervision } : view;
  const reports = await dueReportCounts(options.root, ledger, options.asOf, reportFiles);
  return reports ? { ...result, reports } : result;
}

function statusView(
  ledger: Ledger,
  problems: number,
  version: LedgerVersion,
  options: DayOptions,
  memory: LightMemory,
): StatusResult {
  if (options.unit !== undefined && options.lead !== undefined) {
    throw new UsageError(
      '--unit 与 --lead 不能同时使用',
      '分别运行 ledger status --unit 单位 与 ledger status --lead 单位',
    );
  }
  if ((options.unit !== undefined || options.lead !== undefined) && options.by !== undefined) {
    throw new UsageError(
      '--by 不能与 --unit 或 --lead 同时使用',
      '--by unit 列出全部单位；--unit 单位 列出一个单位的措施',
    );
  }
  const base = { ...baseOf(ledger, options, problems), version };
  const evaluate: EvaluateOptions = {
    dueSoonDays: base.dueSoonDays,
    overdueBefore: overdueBefore(memory, options.asOf),
  };
  if (options.unit !== undefined) {
    const unit = resolveUnitOption(ledger.units, options.unit, '--unit');
    const items = withOwnReports(ledger, unitObligations(ledger, options.asOf, unit, evaluate), unit);
    const groups = [...(ledger.units.groupsOfMember.get(unit) ?? [])];
    const total = countItems(items);
    const months = redMonths(memory, options.asOf, unitKey(unit), total.light === '红');
    const streak = months >= 2 ? { redMonths: months } : {};
    return { ...base, view: 'unit', unit, typed: options.unit, groups, items, total, ...streak };
  }
  if (options.lead !== undefined) {
    const lead = resolveUnitOption(ledger.units, options.lead, '--lead');
    const { rows, total } = rollupForLead(ledger, options.asOf, lead, evaluate);
    return { ...base, view: 'lead', lead, typed: options.lead, rows, total };
  }
  if (options.by === 'unit') {
    const { rows, total } = rollupByUnit(ledger, options.asOf, evaluate);
    return { ...base, view: 'by-unit', rows: withRedMonths(rows, memory, options.asOf, (r) => unitKey(r.unit)), total };
  }
  if (options.by === 'lead') return { ...base, view: 'by-lead', ...rollupByLead(ledger, options.asOf, evaluate) };
  const { rows, total } = rollupByArea(ledger, options.asOf, evaluate);
  return { ...base, view: 'by-area', rows: withRedMonths(rows, memory, options.asOf, (r) => areaKey(r.area)), total };
}

/** Which month ends the lights remembered (none without history before the day). */
function remembered(result: StatusResult, memory: LightMemory): StatusResult {
  return memory.length > 0 ? { ...result, monthEnds: memory.map((end) => end.day) } : result;
}

function withOwnReports(ledger: Ledger, items: readonly PartItem[], unit: string): UnitMeasureItem[] {
  const reports = new Map(measureRefs(ledger).map((ref) => [ref.measure.id, ref.measure.unit_reports?.[unit]]));
  const required = ledger.config.require_verification;
  return items.map((item) => {
    const report = reports.get(item.id);
    if (!report) return item;
    const pending = verificationState(report, required) === '待核验';
    return {
      ...item,
      ownReport: { month: report.month, status: report.status, ...(pending ? { pending: '待核验' } : {}) },
    };
  });
}

function baseOf(ledger: Ledger, options: DayOptions, problems: number): Omit<StatusBase, 'total' | 'version'> {
  return {
    title: ledger.config.title,
    asOf: options.asOf,
    dueSoonDays: options.within ?? ledger.config.due_soon_days,
    escalationDays: ledger.config.escalation_days,
    problems,
  };
}

/** The 考评 record shown beside the figures; undefined while no notice was issued and nothing waits for verification. */
function supervisionOf(ledger: Ledger, asOf: string): StatusSupervision | undefined {
  const noticesSince = `${asOf.slice(0, 4)}-01-01`;
  const notices = Object.fromEntries(noticeCountsByUnit(ledger, noticesSince, asOf));
  const pendingVerification = pendingVerifications(ledger).length;
  if (Object.keys(notices).length === 0 && !ledger.config.require_verification) return undefined;
  return { noticesSince, notices, pendingVerification };
}
