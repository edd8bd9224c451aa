/**
 * The 台账 as a table in the attachment's six columns, grouped by area and
 * task (the cells that are merged vertically). Pure: `asOf` is a parameter.
 */
import type { MeasureState } from '../rules/evaluate.js';
import { progressLabel, remarkLabel, type CellView } from './ledger-cells.js';
import { areaLabel, measureLabel, taskLabel, unitsLabel } from '../model/ledger-labels.js';
import { measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import { evaluatePart, evaluateWhole, measureParts } from '../rules/parts.js';
import type { Measure } from '../model/schema.js';
import { isGroup, isResponsible } from '../model/units.js';

export const LEDGER_COLUMNS = [
  '主要指标',
  '目标任务',
  '具体措施及完成时限',
  '责任部门',
  '工作完成情况',
  '备注',
] as const;

export interface LedgerRow {
  id: string;
  /** The written 完成时限. */
  deadline: string;
  units: readonly string[];
  /** The four measure cells: 具体措施及完成时限, 责任部门, 工作完成情况, 备注. */
  cells: readonly [string, string, string, string];
  state: MeasureState;
}

export interface LedgerTaskGroup {
  id: string;
  label: string;
  rows: LedgerRow[];
}

export interface LedgerAreaGroup {
  area: number;
  title: string;
  label: string;
  tasks: LedgerTaskGroup[];
}

export interface LedgerTable {
  title: string;
  /** What the table is limited to, e.g. “责任单位：市税务局”; absent for the whole ledger. */
  scope?: string;
  asOf: string;
  /** Which version of the ledger, e.g. “台账版本：2020-07-24 提交 1a2b3c4（…）”. */
  version?: string;
  areas: LedgerAreaGroup[];
  measureCount: number;
  overdueCount: number;
}

export interface LedgerTableFilter {
  /** Canonical unit name: only its own parts (directly or through a group); overdue counts its own parts. */
  unit?: string;
  /** Area number (主要指标序号). */
  area?: number;
  /** Canonical unit name: only the tasks it leads (牵头单位). */
  lead?: string;
}

export function buildLedgerTable(
  ledger: Pick<Ledger, 'areas' | 'config' | 'units'>,
  asOf: string,
  filter: LedgerTableFilter = {},
): LedgerTable {
  const areas: LedgerAreaGroup[] = [];
  let measureCount = 0;
  let overdueCount = 0;
  for (const ref of measureRefs(ledger)) {
    if (!matches(ledger, ref, filter)) continue;
    let area = areas.at(-1);
    if (area?.area !== ref.area.area) {
      area = { area: ref.area.area, title: ref.area.title, label: areaLabel(ref.area), tasks: [] };
      areas.push(area);
    }
    let task = area.tasks.at(-1);
    if (task?.id !== ref.task.id) {
      task = { id: ref.task.id, label: taskLabel(ref.task), rows: [] };
      area.tasks.push(task);
    }
    const state = evaluateWhole(ref.measure, ledger.units, asOf, ledger.config);
    const parts = measureParts(ref.measure, ledger.units);
    const own =
      filter.unit && !isGroup(ledger.units, filter.unit)
        ? { name: filter.unit, state: evaluatePart(ref.measure, filter.unit, asOf, ledger.config) }
        : undefined;
    const row = ledgerRow(ref.measure, state, { parts, ...(own ? { unit: own } : {}) });
    task.rows.push(row);
    measureCount++;
    if ((own?.state ?? state).overdue) overdueCount++;
  }
  return { title: ledger.config.title, scope: scopeLabel(filter, areas), asOf, areas, measureCount, overdueCount };
}

function scopeLabel(filter: LedgerTableFilter, areas: readonly LedgerAreaGroup[]): string | undefined {
  const parts = [];
  if (filter.area !== undefined) parts.push(`主要指标：${areas[0]?.label ?? filter.area}`);
  if (filter.lead !== undefined) parts.push(`牵头单位：${filter.lead}`);
  if (filter.unit !== undefined) parts.push(`责任单位：${filter.unit}`);
  return parts.length ? parts.join('；') : undefined;
}

function matches(ledger: Pick<Ledger, 'units'>, ref: MeasureRef, filter: LedgerTableFilter): boolean {
  if (filter.area !== undefined && ref.area.area !== filter.area) return false;
  if (filter.lead !== undefined && !ref.leads.includes(filter.lead)) return false;
  if (filter.unit !== undefined && !isResponsible(ledger.units, ref.measure.units, filter.unit)) return false;
  return true;
}

export function ledgerRow(measure: Measure, state: MeasureState, view: CellView = {}): LedgerRow {
  return {
    id: measure.id,
    deadline: measure.deadline,
    units: measure.units,
    cells: [
      measureLabel(measure),
      unitsLabel(measure),
      progressLabel(measure, state, view),
      remarkLabel(measure, state),
    ],
    state: view.unit?.state ?? state,
  };
}
