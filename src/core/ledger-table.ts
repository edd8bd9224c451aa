/**
 * The 台账 as a table in the attachment's six columns, grouped by area and
 * task (the cells that are merged vertically). Pure: `asOf` is a parameter.
 */
import { evaluateMeasure, type MeasureState } from './evaluate.js';
import { areaLabel, measureLabel, taskLabel, unitsLabel } from './ledger-labels.js';
import { measureRefs, type Ledger, type MeasureRef } from './ledger.js';
import type { Measure } from './schema.js';
import { isResponsible } from './units.js';

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
  areas: LedgerAreaGroup[];
  measureCount: number;
  overdueCount: number;
}

export interface LedgerTableFilter {
  /** Canonical unit name: only measures it is responsible for, directly or through a group. */
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
    const row = ledgerRow(ref.measure, evaluateMeasure(ref.measure, asOf, ledger.config));
    task.rows.push(row);
    measureCount++;
    if (row.state.overdue) overdueCount++;
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

export function ledgerRow(measure: Measure, state: MeasureState): LedgerRow {
  return {
    id: measure.id,
    deadline: measure.deadline,
    units: measure.units,
    cells: [measureLabel(measure), unitsLabel(measure), progressLabel(measure, state), remarkLabel(measure, state)],
    state,
  };
}

/** 工作完成情况: the stored status, how late it is, then the progress text. */
export function progressLabel(measure: Measure, state: MeasureState): string {
  const late = state.overdue ? `（${state.escalated ? '严重逾期' : '逾期'} ${state.daysOverdue} 天）` : '';
  const head = `${measure.status}${late}`;
  return measure.progress.trim() ? `${head}：${measure.progress.trim()}` : head;
}

/** 备注: the remark, then extensions, which move the date that counts but never the written 完成时限. */
export function remarkLabel(measure: Measure, state: MeasureState): string {
  const notes = measure.remark.trim() ? [measure.remark.trim()] : [];
  if (state.extended && state.extension) notes.push(`已批准延期至 ${state.extension.until}`);
  for (const extension of measure.extensions ?? []) {
    if (extension.state === '待审批') notes.push(`${extension.requested_by}申请延期至 ${extension.until}（待审批）`);
  }
  return notes.join('\n');
}
