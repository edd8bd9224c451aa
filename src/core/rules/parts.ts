/**
 * Parts: what each responsible unit answers for. A part is (measure, unit),
 * with groups expanded to their members (各县区 → 大武口区, 惠农区, 平罗县).
 *
 * Rules (issue 12):
 * - A part's status is its unit's latest merged report (`unit_reports[unit]`);
 *   a unit that never reported is 未报送 and counts as 未启动. A measure stored
 *   as 已完成 has every part 已完成 (status.ts statusFromParts makes that true after a merge;
 *   it also covers ledgers written before reports existed).
 * - A part's deadline is the measure's, moved only by an extension approved
 *   for that unit (`requested_by`); its milestones met are its own report's.
 * - The measure's status comes from its parts (status.ts statusFromParts). An extension moves the
 *   measure's deadline only when every unfinished part has one (then the
 *   earliest of them), so one unit's extension never hides another's delay.
 * Pure: no I/O, no clock.
 */
import {
  approvedExtension,
  evaluateMeasure,
  type EvaluatedFields,
  type EvaluateOptions,
  type MeasureState,
} from './evaluate.js';
import type { Config, Extension, Measure, UnitReport } from '../model/schema.js';
import type { Status } from './status.js';
import { reportingUnits, type UnitRegistry } from '../model/units.js';

/** One unit's part of a measure, as stored: its status and whether it ever reported. */
export interface Part {
  unit: string;
  /** The unit's latest merged status; 未启动 when it never reported. */
  status: Status;
  /** False when the unit never reported on the measure (未报送). */
  reported: boolean;
  report?: UnitReport;
}

export type EvaluateConfig = Pick<Config, 'due_soon_days' | 'escalation_days' | 'report_day'>;

/** The parts of a measure in the order of its 责任部门, groups expanded. */
export function measureParts(measure: Measure, registry: UnitRegistry): Part[] {
  return reportingUnits(registry, measure.units).map((unit) => partOf(measure, unit));
}

/** One unit's part of a measure (the unit need not be responsible; callers check). */
export function partOf(measure: Measure, unit: string): Part {
  const report = measure.unit_reports?.[unit];
  const status: Status = measure.status === '已完成' ? '已完成' : (report?.status ?? '未启动');
  return { unit, status, reported: report !== undefined, ...(report ? { report } : {}) };
}

/** The measure as one unit's part: its status, milestones, report and only its own extensions. */
export function partView(measure: Measure, unit: string): EvaluatedFields {
  const part = partOf(measure, unit);
  const own = part.report?.status === '已完成' ? Number.MAX_SAFE_INTEGER : (part.report?.milestones_met ?? 0);
  const met = Math.max(own, measure.milestones_met ?? 0);
  return {
    deadline: measure.deadline,
    status: part.status,
    milestones_met: measure.milestones_met !== undefined || met > 0 ? met : undefined,
    unit_reports: part.report ? { [unit]: part.report } : {},
    extensions: (measure.extensions ?? []).filter((e) => e.requested_by === unit),
  };
}

/** One unit's part evaluated on `asOf`: overdue only when that unit has not finished by its own deadline. */
export function evaluatePart(
  measure: Measure,
  unit: string,
  asOf: string,
  config: EvaluateConfig,
  options: EvaluateOptions = {},
): MeasureState {
  const view = partView(measure, unit);
  const state = evaluateMeasure(view, asOf, config, options);
  // 长期/适时: a unit's part lacks progress when the measure has reports but not this unit's for the month due.
  if (state.kind !== 'ongoing' && state.kind !== 'when-appropriate') return state;
  if (state.status === '已完成' || (view.unit_reports !== undefined && hasKeys(view.unit_reports))) return state;
  if (!hasKeys(measure.unit_reports ?? {})) return state;
  state.phase = '本月未报进展';
  state.noProgressThisMonth = true;
  return state;
}

const hasKeys = (record: object) => Object.keys(record).length > 0;

/**
 * The extension that moves the whole measure: when every unfinished part has an
 * approved extension of its own, the one ending first; otherwise none.
 */
export function measureExtension(measure: Measure, registry: UnitRegistry): Extension | undefined {
  const open = measureParts(measure, registry).filter((p) => p.status !== '已完成');
  let earliest: Extension | undefined;
  for (const part of open) {
    const own = approvedExtension((measure.extensions ?? []).filter((e) => e.requested_by === part.unit));
    if (!own) return undefined;
    if (!earliest || own.until < earliest.until) earliest = own;
  }
  return earliest;
}

/** The measure evaluated on `asOf` with extensions applied per part (see measureExtension). */
export function evaluateWhole(
  measure: Measure,
  registry: UnitRegistry,
  asOf: string,
  config: EvaluateConfig,
  options: EvaluateOptions = {},
): MeasureState {
  const extension = measureExtension(measure, registry);
  const view: EvaluatedFields = {
    deadline: measure.deadline,
    status: measure.status,
    milestones_met: measure.milestones_met,
    unit_reports: measure.unit_reports,
    extensions: extension ? [extension] : [],
  };
  return evaluateMeasure(view, asOf, config, options);
}
