import { sortByUrgency } from '../../core/rules/rollup.js';
import type { SiteModel } from '../../core/summaries/site-model.js';
import { REPORT_STATE_LABELS } from '../summary-sections.js';
import { arrivalLabel } from '../print-text.js';
import { deadlineText, stateText } from '../measure-state-text.js';
import { countCells, countTable, withParts } from './area-pages.js';
import { esc, phaseBadge } from './html.js';
import { measureTable } from './measure-table.js';
import { leadPage, measurePage, relativeHref, SITE_PAGES, unitPage } from './paths.js';

/** 责任单位 index: one row per reporting unit. */
export function unitsIndexBody(model: SiteModel): string {
  const from = SITE_PAGES.units;
  const rows = model.byUnit.rows.map(
    (r) => `<tr><td><a href="${relativeHref(from, unitPage(r.unit))}">${esc(r.unit)}</a></td>${countCells(r)}</tr>`,
  );
  return `<h1>责任单位</h1>
<p class="note">每个报送单位一行；写“各县区”等单位组的措施算作其成员单位各自的责任。</p>
${countTable(['责任单位'], rows)}`;
}

/** 牵头单位 index and one page per lead: the tasks it leads and their measures. */
export function leadsIndexBody(model: SiteModel): string {
  const from = SITE_PAGES.leads;
  const rows = model.byLead.rows.map(
    (r) =>
      `<tr><td><a href="${relativeHref(from, leadPage(r.lead))}">${esc(r.lead)}</a></td><td class="num">${r.tasks}</td>${countCells(r)}</tr>`,
  );
  return `<h1>牵头单位</h1>\n${countTable(['牵头单位', '目标任务'], rows)}`;
}

export function leadBody(model: SiteModel, lead: string): string {
  const from = leadPage(lead);
  const row = model.byLead.rows.find((r) => r.lead === lead)!;
  const led = model.items.filter((i) => i.leads.includes(lead));
  const tasks = [...new Set(led.map((i) => i.taskId))].map((taskId) => {
    const ofTask = led.filter((i) => i.taskId === taskId);
    return `<h3>${esc(taskId)} ${esc(ofTask[0]!.taskTitle)}（${esc(ofTask[0]!.areaTitle)}）</h3>
${measureTable(from, withParts(model, from, ofTask), ['id', 'title', 'deadline', 'units', 'state', 'progress'])}`;
  });
  return `<p class="breadcrumb"><a href="${relativeHref(from, SITE_PAGES.leads)}">牵头单位</a></p>
<h1>${esc(lead)}（牵头单位）</h1>
${countTable(['范围'], [`<tr><td>牵头的 ${row.tasks} 项目标任务</td>${countCells(row)}</tr>`])}
<h2>牵头的目标任务</h2>
${tasks.join('\n')}`;
}

/** One unit: its own parts (its status and deadline on each of its measures), and its report record. */
export function unitBody(model: SiteModel, unit: string): string {
  const from = unitPage(unit);
  const row = model.byUnit.rows.find((r) => r.unit === unit);
  const own = sortByUrgency(model.partsByUnit.get(unit) ?? []);
  const rows = own.map((part) => {
    const report = model.refs[model.indexById.get(part.id)!]!.measure.unit_reports?.[unit];
    const href = relativeHref(from, measurePage(part.id));
    return `<tr data-id="${esc(part.id)}"><td class="nowrap"><a href="${href}">${esc(part.id)}</a></td><td><a href="${href}">${esc(part.title)}</a></td>
<td>${esc(deadlineText(part.deadline, part.state))}</td><td>${phaseBadge(part.state.phase, stateText(part.state))}</td>
<td>${phaseBadge(part.whole.state.phase, stateText(part.whole.state))}</td>
<td class="nowrap">${report ? `${esc(report.month)} ${esc(report.status)}` : '未报送'}</td><td class="measure-text">${esc(report?.progress ?? '')}</td></tr>`;
  });
  const table = `<div class="table-wrap"><table class="sortable filterable parts">
<thead><tr><th>编号</th><th>具体措施</th><th>完成时限</th><th>本单位</th><th>措施整体</th><th>本单位最近报送</th><th>本单位工作完成情况</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
  return `<p class="breadcrumb"><a href="${relativeHref(from, SITE_PAGES.units)}">责任单位</a></p>
<h1>${esc(unit)}</h1>
${row ? countTable(['范围'], [`<tr><td>本单位的责任（按本单位的状态和时限）</td>${countCells(row)}</tr>`]) : ''}
<h2>本单位负责的具体措施（最紧急的在前）</h2>
<p class="note">“本单位”按本单位最近报送的状态和本单位的完成时限（含本单位获批的延期）计算；“措施整体”取各责任单位中最落后的。</p>
${own.length ? table : '<p class="note">（无）</p>'}
<h2>报送记录</h2>
${reportRecord(model, unit)}`;
}

/** The units of a group (各县区) each report for themselves: the group's page lists them and its measures. */
export function groupBody(model: SiteModel, group: string, members: readonly string[]): string {
  const from = unitPage(group);
  const named = model.items.filter((i) => i.units.includes(group));
  const links = members.map((m) => `<li><a href="${relativeHref(from, unitPage(m))}">${esc(m)}</a></li>`).join('');
  return `<p class="breadcrumb"><a href="${relativeHref(from, SITE_PAGES.units)}">责任单位</a></p>
<h1>${esc(group)}（单位组）</h1>
<p>写“${esc(group)}”的措施是下列成员单位各自的责任，由它们分别报送：</p>
<ul class="unit-list">${links}</ul>
<h2>写“${esc(group)}”的具体措施</h2>
${measureTable(from, withParts(model, from, named), ['id', 'title', 'deadline', 'units', 'state', 'progress'])}`;
}

function reportRecord(model: SiteModel, unit: string): string {
  const rows = model.reports.flatMap((month) => {
    const state = month.rows.find((r) => r.unit === unit);
    if (!state) return [];
    return [
      `<tr><td>${esc(month.month)}</td><td>${esc(REPORT_STATE_LABELS[state.state])}</td><td>${esc(state.file ?? '')}</td><td>${esc(arrivalLabel(state))}</td></tr>`,
    ];
  });
  if (rows.length === 0) return '<p class="note">reports/ 中没有本单位应报或已报的月份。</p>';
  return `<div class="table-wrap"><table class="sortable report-record">
<thead><tr><th>月份</th><th>报送情况</th><th>报送文件</th><th>到达时间</th></tr></thead>
<tbody>
${rows.reverse().join('\n')}
</tbody></table></div>`;
}
