import { sortByUrgency } from '../../core/rules/rollup.js';
import type { SiteModel } from '../../core/summaries/site-model.js';
import { REPORT_STATE_LABELS } from '../summary-sections.js';
import { arrivalLabel } from '../print-text.js';
import { esc } from './html.js';
import { measureTable } from './measure-table.js';
import { measurePage, relativeHref, SITE_PAGES, unitPage } from './paths.js';

/** 逾期清单: overdue measures, most overdue first, 严重逾期 marked. */
export function overdueBody(model: SiteModel): string {
  const overdue = sortByUrgency(model.items.filter((i) => i.state.overdue));
  const escalated = overdue.filter((i) => i.state.escalated).length;
  const rows = overdue.map((item) => ({ item }));
  return `<h1>逾期清单</h1>
<p>截至 ${esc(model.asOf)}：逾期 <strong>${overdue.length}</strong> 项，其中严重逾期（逾期超过 ${model.ledger.config.escalation_days} 天）<strong>${escalated}</strong> 项。逾期天数最多的在前。</p>
${measureTable(SITE_PAGES.overdue, rows, ['id', 'title', 'area', 'deadline', 'state', 'units', 'leads'])}`;
}

/** 报送情况: the month due, unit by unit; then every month with reports. */
export function reportingBody(model: SiteModel): string {
  const from = SITE_PAGES.reporting;
  if (model.reports.length === 0) {
    return `<h1>报送情况</h1>\n<p class="note">reports/ 中还没有任何报送文件。各单位每月 ${model.ledger.config.report_day} 日前报送上月进展（ledger template 生成报送表）。</p>`;
  }
  const current = model.currentReports;
  const head = current
    ? `<p>${esc(current.month)}（截止 ${esc(current.due)}）：应报 ${current.owing} 个单位，已报 ${current.received}，未报 ${current.missing}，迟报 ${current.late}。</p>`
    : '';
  const months = [...model.reports].reverse().map((month) => {
    const rows = month.rows.map(
      (r) =>
        `<tr><td><a href="${relativeHref(from, unitPage(r.unit))}">${esc(r.unit)}</a></td><td>${esc(REPORT_STATE_LABELS[r.state])}</td>` +
        `<td>${esc(r.file ?? '')}</td><td>${esc(arrivalLabel(r))}</td></tr>`,
    );
    return `<h2>${esc(month.month)}（截止 ${esc(month.due)}）：应报 ${month.owing}，已报 ${month.received}，未报 ${month.missing}，迟报 ${month.late}</h2>
<div class="table-wrap"><table class="sortable filterable reporting">
<thead><tr><th>单位</th><th>报送情况</th><th>报送文件</th><th>到达时间</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
  });
  return `<h1>报送情况</h1>
${head}
<p class="note">迟报：报送到达晚于当月 ${model.ledger.config.report_day} 日。到达时间：邮寄或送来的报送表是牵头单位登记的收件日期（ledger receive，写“收件”），其余是报送文件第一次进入主分支的时间。未报送：负责尚未完成措施的单位没有报送文件，也没有登记收件。</p>
${months.join('\n')}`;
}

/**
 * 搜索: every measure with its id, title, area and units in one table. Without JavaScript it is
 * a full list (use the browser's find); the script filters it by the words of `?q=`.
 */
export function searchBody(model: SiteModel): string {
  const from = SITE_PAGES.search;
  const rows = model.items.map((item) => {
    const words = [item.id, item.title, item.areaTitle, item.taskTitle, ...item.units, ...item.leads].join(' ');
    const href = relativeHref(from, measurePage(item.id));
    return `<tr data-id="${esc(item.id)}" data-search="${esc(words.toLowerCase())}"><td class="nowrap"><a href="${href}">${esc(item.id)}</a></td><td><a href="${href}">${esc(item.title)}</a></td><td>${esc(item.areaTitle)}</td><td>${esc(item.units.join('、'))}</td></tr>`;
  });
  const units = model.byUnit.rows
    .map((r) => `<li><a href="${relativeHref(from, unitPage(r.unit))}">${esc(r.unit)}</a></li>`)
    .join('');
  return `<h1>搜索</h1>
<form class="search-page" action="" method="get" role="search">
<input id="search-q" type="search" name="q" placeholder="编号、措施标题或单位，如 1.1.2 或 企业开办" aria-label="搜索">
<button type="submit">搜索</button> <span id="search-count" class="search-results-count"></span>
</form>
<noscript><p class="note">浏览器未启用 JavaScript：下表列出全部具体措施，可用浏览器的“查找”（Ctrl+F）。</p></noscript>
<div class="table-wrap"><table id="search-table" class="sortable">
<thead><tr><th>编号</th><th>具体措施</th><th>主要指标</th><th>责任部门</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
<h2>责任单位</h2>
<ul class="unit-list">${units}</ul>`;
}
