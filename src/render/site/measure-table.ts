import type { MeasureItem } from '../../core/rules/rollup.js';
import { deadlineText, stateText } from '../measure-state-text.js';
import { esc, phaseBadge } from './html.js';
import { measurePage, relativeHref, unitPage } from './paths.js';

export type MeasureColumn = 'id' | 'title' | 'area' | 'deadline' | 'units' | 'leads' | 'state' | 'progress';

const HEADERS: Record<MeasureColumn, string> = {
  id: '编号',
  title: '具体措施',
  area: '主要指标',
  deadline: '完成时限',
  units: '责任部门',
  leads: '牵头单位',
  state: '状态',
  progress: '工作完成情况',
};

export interface MeasureRow {
  item: MeasureItem;
  /** 工作完成情况 to show as text (the measure's, or one unit's own). */
  progress?: string;
  /** Or as ready HTML (each unit's part, see parts.ts). */
  progressHtml?: string;
}

/** A sortable, filterable table of measures; each id links to its page. */
export function measureTable(from: string, rows: readonly MeasureRow[], columns: readonly MeasureColumn[]): string {
  if (rows.length === 0) return '<p class="note">（无）</p>';
  const head = columns.map((c) => `<th${c === 'id' ? ' class="nowrap"' : ''}>${HEADERS[c]}</th>`).join('');
  const body = rows
    .map((row) => `<tr data-id="${esc(row.item.id)}">${columns.map((c) => cell(from, row, c)).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table class="sortable filterable measures">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

function cell(from: string, { item, progress, progressHtml }: MeasureRow, column: MeasureColumn): string {
  switch (column) {
    case 'id':
      return `<td class="nowrap"><a href="${relativeHref(from, measurePage(item.id))}">${esc(item.id)}</a></td>`;
    case 'title':
      return `<td><a href="${relativeHref(from, measurePage(item.id))}">${esc(item.title)}</a></td>`;
    case 'area':
      return `<td>${esc(item.area)}. ${esc(item.areaTitle)}</td>`;
    case 'deadline':
      return `<td>${esc(deadlineText(item.deadline, item.state))}</td>`;
    case 'units':
      return `<td>${unitLinks(from, item.units)}</td>`;
    case 'leads':
      return `<td>${esc(item.leads.join('、'))}</td>`;
    case 'state':
      return `<td data-sort-value="${phaseRank(item)}">${phaseBadge(item.state.phase, stateText(item.state))}</td>`;
    case 'progress':
      return progressHtml !== undefined
        ? `<td>${progressHtml}</td>`
        : `<td class="measure-text">${esc(progress ?? '')}</td>`;
  }
}

export function unitLinks(from: string, units: readonly string[]): string {
  return units.map((u) => `<a href="${relativeHref(from, unitPage(u))}">${esc(u)}</a>`).join('、');
}

/** Most urgent first when sorted ascending; overdue by more days first. */
function phaseRank(item: MeasureItem): string {
  const { state } = item;
  const rank = state.escalated ? 0 : state.overdue ? 1 : state.dueSoon ? 2 : state.noProgressThisMonth ? 3 : 4;
  const days = state.overdue ? 99999 - state.daysOverdue : (state.daysLeft ?? 99999);
  return `${rank}${String(days).padStart(5, '0')}${state.phase === '已完成' ? 1 : 0}`;
}
