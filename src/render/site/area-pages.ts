import { areaLabel, chineseNumeral, leadsLabel } from '../../core/model/ledger-labels.js';
import { taskLeads } from '../../core/model/ledger.js';
import type { Counts, MeasureItem } from '../../core/rules/rollup.js';
import type { SiteModel } from '../../core/summaries/site-model.js';
import { areaCompletionChartSvg } from '../charts.js';
import { completionBar, esc, lightBadge } from './html.js';
import { measureTable, unitLinks } from './measure-table.js';
import { areaPage, leadPage, relativeHref, SITE_PAGES } from './paths.js';
import { partsCell } from './parts.js';

/** 主要指标 index: the chart and one row per area. */
export function areasIndexBody(model: SiteModel): string {
  const from = SITE_PAGES.areas;
  const rows = model.byArea.rows.map(
    (r) =>
      `<tr><td class="num">${chineseNumeral(r.area)}</td><td><a href="${relativeHref(from, areaPage(r.area))}">${esc(r.title)}</a></td>` +
      `<td>${unitLinksTo(from, r.leads, leadPage)}</td>${countCells(r)}</tr>`,
  );
  const chart = areaCompletionChartSvg(model.byArea, { idPrefix: 'areas' });
  return `<h1>主要指标</h1>
<div class="chart">${chart}</div>
${countTable(['序号', '主要指标', '牵头单位'], rows)}`;
}

/** One area: its counts, then each task with its lead and its measures, with each unit's part. */
export function areaBody(model: SiteModel, area: number): string {
  const from = areaPage(area);
  const source = model.ledger.areas.find((a) => a.data.area === area)!.data;
  const row = model.byArea.rows.find((r) => r.area === area)!;
  const items = model.items.filter((i) => i.area === area);
  const tasks = source.tasks.map((task) => {
    const ofTask = items.filter((i) => i.taskId === task.id);
    const leads = taskLeads(source, task);
    return `<section class="task"><h3>${esc(task.id)} ${esc(task.title)}</h3>
<p class="lead-text">${esc(leadsLabel(leads))}：${unitLinksTo(from, leads, leadPage)}</p>
<p class="measure-text">${esc(task.text)}</p>
${measureTable(from, withParts(model, from, ofTask), ['id', 'title', 'deadline', 'units', 'state', 'progress'])}</section>`;
  });
  return `<p class="breadcrumb"><a href="${relativeHref(from, SITE_PAGES.areas)}">主要指标</a> › ${esc(chineseNumeral(area))}</p>
<h1>${esc(areaLabel(source))} ${lightBadge(row.light)}</h1>
${countTable(['范围'], [`<tr><td>本主要指标</td>${countCells(row)}</tr>`])}
<h2>目标任务和具体措施</h2>
${tasks.join('\n')}`;
}

/** Measures with their progress: each unit's own latest report, when there are reports. */
export function withParts(model: SiteModel, from: string, items: readonly MeasureItem[]) {
  return items.map((item) => {
    const ref = model.refs[model.indexById.get(item.id)!]!;
    return { item, progressHtml: partsCell(model, from, ref.measure) };
  });
}

export const COUNT_HEADERS = ['措施', '已完成', '推进中', '未启动', '逾期', '严重逾期', '临期', '完成率', '状态灯'];

export function countCells(c: Counts): string {
  const nums = [c.measures, c.done, c.inProgress, c.notStarted, c.overdue, c.escalated, c.dueSoon];
  return `${nums.map((n) => `<td class="num">${n}</td>`).join('')}<td class="nowrap" data-sort-value="${c.completionPercent}">${completionBar(c.completionPercent)}</td><td>${lightBadge(c.light)}</td>`;
}

export function countTable(leading: readonly string[], rows: readonly string[]): string {
  const head = [...leading, ...COUNT_HEADERS].map((h) => `<th>${esc(h)}</th>`).join('');
  return `<div class="table-wrap"><table class="sortable counts">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function unitLinksTo(from: string, names: readonly string[], page: (name: string) => string): string {
  return names.map((n) => `<a href="${relativeHref(from, page(n))}">${esc(n)}</a>`).join('、');
}

export { unitLinks };
