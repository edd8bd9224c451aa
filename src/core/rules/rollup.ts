/**
 * Roll-ups of measure states, shared by `ledger status` and `ledger summary`
 * so that both show the same figures. Pure: the ledger and `asOf` are given.
 *
 * Rules:
 * - Every measure counts once per area: 已完成/推进中/未启动 by its stored status
 *   (they add up to the number of measures); 逾期 includes 严重逾期; 临期, 长期/适时
 *   and 本月未报进展 as computed by evaluateMeasure. 完成率 = 已完成 ÷ 措施数, rounded.
 * - Traffic light: 红 when at least one measure is overdue; otherwise 黄 when at
 *   least one is due soon (临期) or a 长期/适时 measure has no report for the month
 *   due, or (lights that remember, remembered-lights.ts) one was overdue at the
 *   previous month end and is done now — 黄（补齐）; otherwise 绿.
 * - Per unit: a unit's obligations are its parts (parts.ts): the measures naming
 *   it, directly or through a group it belongs to (各县区 → 大武口区, 惠农区, 平罗县),
 *   each counted by the unit's own status and deadline — a unit that finished its
 *   part is never overdue for another unit's delay. Groups with members get no row
 *   of their own: their members report.
 * - A measure's state applies extensions per part (parts.ts evaluateWhole).
 * - Per lead: the measures of the tasks a unit leads (the task's own lead,
 *   else the area's leads); a measure with several leads counts for each.
 */
import type { EvaluateOptions, MeasureState } from './evaluate.js';
import { measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import { partItem, type PartItem } from './part-items.js';
import { evaluateWhole, measureParts, type Part } from './parts.js';
import type { Status } from './status.js';
import { isGroup, reportingUnits } from '../model/units.js';

export type Light = '红' | '黄' | '绿';

/** One measure with where it sits and its state on the day. */
export interface MeasureItem {
  id: string;
  title: string;
  area: number;
  areaTitle: string;
  taskId: string;
  taskTitle: string;
  /** 完成时限 as written. */
  deadline: string;
  units: readonly string[];
  leads: readonly string[];
  status: Status;
  state: MeasureState;
  /** Each responsible unit's part, groups expanded, in the order of 责任部门. */
  parts: Part[];
  /** 补齐: overdue at the previous month end, done on the day (only with options.overdueBefore). */
  caughtUp?: true;
}

export interface Counts {
  measures: number;
  done: number;
  inProgress: number;
  notStarted: number;
  /** Includes the escalated ones. */
  overdue: number;
  escalated: number;
  dueSoon: number;
  /** 长期 and 适时 measures. */
  ongoing: number;
  /** 长期/适时 without a report for the month due. */
  noProgress: number;
  /** 补齐: done since the previous month end, when they were overdue (0 without history). */
  caughtUp: number;
  completionPercent: number;
  light: Light;
}

export interface AreaRow extends Counts {
  area: number;
  title: string;
  leads: readonly string[];
  /** 连续 N 个月红灯 (remembered-lights.ts): present when N ≥ 2. */
  redMonths?: number;
}

export interface UnitRow extends Counts {
  unit: string;
  /** 连续 N 个月红灯 (remembered-lights.ts): present when N ≥ 2. */
  redMonths?: number;
}

export interface LeadRow extends Counts {
  lead: string;
  areas: number[];
  tasks: number;
}

export interface TaskRow extends Counts {
  area: number;
  taskId: string;
  title: string;
}

export interface Rollup<Row> {
  rows: Row[];
  /** All measures in scope, each counted once. */
  total: Counts;
}

/** Every measure of the ledger with its state on `asOf`, in ledger order. */
export function evaluateLedger(
  ledger: Pick<Ledger, 'areas' | 'config' | 'units'>,
  asOf: string,
  options: EvaluateOptions = {},
): MeasureItem[] {
  return measureRefs(ledger).map((ref) => measureItem(ref, asOf, ledger, options));
}

export function measureItem(
  ref: MeasureRef,
  asOf: string,
  { config, units }: Pick<Ledger, 'config' | 'units'>,
  options: EvaluateOptions = {},
): MeasureItem {
  const { area, task, measure, leads } = ref;
  return {
    id: measure.id,
    title: measure.title,
    area: area.area,
    areaTitle: area.title,
    taskId: task.id,
    taskTitle: task.title,
    deadline: measure.deadline,
    units: measure.units,
    leads,
    status: measure.status,
    state: evaluateWhole(measure, units, asOf, config, options),
    parts: measureParts(measure, units),
    ...(measure.status === '已完成' && options.overdueBefore?.has(measure.id) ? { caughtUp: true as const } : {}),
  };
}

export function countItems(items: readonly MeasureItem[]): Counts {
  const count = (test: (item: MeasureItem) => boolean) => items.filter(test).length;
  const counts = {
    measures: items.length,
    done: count((i) => i.status === '已完成'),
    inProgress: count((i) => i.status === '推进中'),
    notStarted: count((i) => i.status === '未启动'),
    overdue: count((i) => i.state.overdue),
    escalated: count((i) => i.state.escalated),
    dueSoon: count((i) => i.state.dueSoon),
    ongoing: count((i) => i.state.kind === 'ongoing' || i.state.kind === 'when-appropriate'),
    noProgress: count((i) => i.state.noProgressThisMonth),
    caughtUp: count((i) => i.caughtUp === true),
  };
  const completionPercent = items.length === 0 ? 0 : Math.round((counts.done * 100) / items.length);
  return { ...counts, completionPercent, light: trafficLight(counts) };
}

export function trafficLight(
  counts: Pick<Counts, 'overdue' | 'dueSoon' | 'noProgress'> & Partial<Pick<Counts, 'caughtUp'>>,
): Light {
  if (counts.overdue > 0) return '红';
  if (counts.dueSoon > 0 || counts.noProgress > 0 || (counts.caughtUp ?? 0) > 0) return '黄';
  return '绿';
}

/** One row per area (主要指标) and a total row. `items`: evaluateLedger's result when the caller has it already. */
export function rollupByArea(
  ledger: Pick<Ledger, 'areas' | 'config' | 'units'>,
  asOf: string,
  options: EvaluateOptions = {},
  items: readonly MeasureItem[] = evaluateLedger(ledger, asOf, options),
): Rollup<AreaRow> {
  // Grouped once: filtering all items per area is quadratic (1,000 areas × 100,000 measures).
  const byArea = new Map<number, MeasureItem[]>();
  for (const item of items) (byArea.get(item.area) ?? byArea.set(item.area, []).get(item.area)!).push(item);
  const rows = ledger.areas.map(({ data }) => ({
    area: data.area,
    title: data.title,
    leads: data.lead,
    ...countItems(byArea.get(data.area) ?? []),
  }));
  return { rows, total: countItems(items) };
}

/** The units that report on some measure: registry order first, then unregistered names. */
export function obligatedUnits(ledger: Pick<Ledger, 'areas' | 'units'>): string[] {
  const named = new Set(measureRefs(ledger).flatMap(({ measure }) => reportingUnits(ledger.units, measure.units)));
  const registered = ledger.units.units.map((u) => u.name).filter((name) => !isGroup(ledger.units, name));
  const ordered = registered.filter((name) => named.has(name));
  return [...ordered, ...[...named].filter((name) => !ordered.includes(name))];
}

/** A unit's own parts (directly or through a group), most urgent first by the unit's own state; a group: its members'. */
export function unitObligations(
  ledger: Ledger,
  asOf: string,
  unit: string,
  options: EvaluateOptions = {},
  items: readonly MeasureItem[] = evaluateLedger(ledger, asOf, options),
): PartItem[] {
  const parts = partsByUnit(ledger, asOf, options, items);
  // A group (各县区) is seen through its members' parts, one row per member.
  const members = ledger.units.byName.get(unit)?.members ?? [];
  return sortByUrgency([unit, ...members].flatMap((name) => parts.get(name) ?? []));
}

/** Every reporting unit's parts, evaluated on `asOf`; `items` in ledger order (evaluateLedger). */
export function partsByUnit(
  ledger: Ledger,
  asOf: string,
  options: EvaluateOptions = {},
  items: readonly MeasureItem[] = evaluateLedger(ledger, asOf, options),
): Map<string, PartItem[]> {
  const refs = new Map(measureRefs(ledger).map((ref) => [ref.measure.id, ref]));
  const byUnit = new Map<string, PartItem[]>();
  items.forEach((item) => {
    const ref = refs.get(item.id);
    if (!ref) return;
    for (const { unit } of item.parts) {
      const part = partItem(item, ref.measure, unit, asOf, ledger.config, options);
      (byUnit.get(unit) ?? byUnit.set(unit, []).get(unit)!).push(part);
    }
  });
  return byUnit;
}

/** One row per reporting unit, counted on its own parts: done, overdue … */
export function rollupByUnit(
  ledger: Ledger,
  asOf: string,
  options: EvaluateOptions = {},
  items: readonly MeasureItem[] = evaluateLedger(ledger, asOf, options),
): Rollup<UnitRow> {
  const parts = partsByUnit(ledger, asOf, options, items);
  const rows = obligatedUnits(ledger).map((unit) => ({ unit, ...countItems(parts.get(unit) ?? []) }));
  return { rows, total: countItems(items) };
}

/** The leads of the ledger in order of first appearance. */
export function leadUnits(ledger: Pick<Ledger, 'areas'>): string[] {
  return [...new Set(measureRefs(ledger).flatMap((ref) => ref.leads))];
}

/** One row per lead unit (牵头单位): the areas and tasks it leads, rolled up. */
export function rollupByLead(
  ledger: Pick<Ledger, 'areas' | 'config' | 'units'>,
  asOf: string,
  options: EvaluateOptions = {},
  items: readonly MeasureItem[] = evaluateLedger(ledger, asOf, options),
): Rollup<LeadRow> {
  const rows = leadUnits(ledger).map((lead) => {
    const led = items.filter((i) => i.leads.includes(lead));
    return {
      lead,
      areas: [...new Set(led.map((i) => i.area))],
      tasks: new Set(led.map((i) => i.taskId)).size,
      ...countItems(led),
    };
  });
  return { rows, total: countItems(items) };
}

/** The tasks one unit leads, one row each, with the total over them. */
export function rollupForLead(
  ledger: Pick<Ledger, 'areas' | 'config' | 'units'>,
  asOf: string,
  lead: string,
  options: EvaluateOptions = {},
): Rollup<TaskRow> {
  const led = evaluateLedger(ledger, asOf, options).filter((i) => i.leads.includes(lead));
  const taskIds = [...new Set(led.map((i) => i.taskId))];
  const rows = taskIds.map((taskId) => {
    const ofTask = led.filter((i) => i.taskId === taskId);
    return { area: ofTask[0]!.area, taskId, title: ofTask[0]!.taskTitle, ...countItems(ofTask) };
  });
  return { rows, total: countItems(led) };
}

/** Most urgent first: overdue, due soon, no progress, open, done; then by days; then ledger order. */
export function sortByUrgency<T extends MeasureItem>(items: readonly T[]): T[] {
  const rank = ({ state }: T) =>
    state.overdue ? 0 : state.dueSoon ? 1 : state.noProgressThisMonth ? 2 : state.phase === '已完成' ? 4 : 3;
  const pressure = (i: T) => (i.state.overdue ? -i.state.daysOverdue : (i.state.daysLeft ?? Number.MAX_SAFE_INTEGER));
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || pressure(a.item) - pressure(b.item) || a.index - b.index)
    .map(({ item }) => item);
}
