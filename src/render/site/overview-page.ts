import { chineseNumeral } from '../../core/model/ledger-labels.js';
import type { SiteModel } from '../../core/summaries/site-model.js';
import { trendChartSvg } from '../charts.js';
import { completionBar, delta, esc, lightBadge } from './html.js';
import { areaPage, relativeHref, SITE_PAGES, unitPage } from './paths.js';

const PATH = SITE_PAGES.overview;

/** 总览: headline figures (较上月 when the trend reaches back), each area's light and bar, the trend, missing reports. */
export function overviewBody(model: SiteModel): string {
  return [
    `<h1>${esc(model.title)}　总览</h1>`,
    headline(model),
    '<div class="overview-grid">',
    `<section><h2>各主要指标完成情况</h2>${areaTable(model)}</section>`,
    `<section><h2>完成率和逾期趋势</h2>${trend(model)}<h2>本月未报送的单位</h2>${missing(model)}</section>`,
    '</div>',
    legend(model),
  ].join('\n');
}

function headline(model: SiteModel): string {
  const t = model.total;
  const p = model.previous;
  const missingCount = model.currentReports?.missing;
  const cards = [
    card('具体措施', t.measures, delta(t.measures, p?.measures)),
    card('已完成', t.done, `<span class="sub">完成率 ${t.completionPercent}%</span>${delta(t.done, p?.done)}`),
    card('推进中', t.inProgress, delta(t.inProgress, p?.inProgress)),
    card(
      '逾期',
      t.overdue,
      `<span class="sub">其中严重逾期 ${t.escalated}</span>${delta(t.overdue, p?.overdue)}`,
      t.overdue > 0,
    ),
    card(
      '严重逾期',
      t.escalated,
      `<span class="sub">逾期超过 ${model.ledger.config.escalation_days} 天</span>${delta(t.escalated, p?.escalated)}`,
      t.escalated > 0,
    ),
    card('临期', t.dueSoon, `<span class="sub">${model.ledger.config.due_soon_days} 天内到期</span>`),
    card(
      `${model.reportMonth} 未报送单位`,
      missingCount ?? '—',
      missingCount === undefined
        ? '<span class="sub">尚无报送文件</span>'
        : `<span class="sub">应报 ${model.currentReports!.owing}</span>`,
      (missingCount ?? 0) > 0,
    ),
  ];
  return `<div class="cards">${cards.join('')}</div>`;
}

function card(label: string, value: number | string, extra: string, alert = false): string {
  return `<div class="card${alert ? ' alert' : ''}"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div>${extra}</div>`;
}

function areaTable(model: SiteModel): string {
  const rows = model.byArea.rows.map(
    (r) =>
      `<tr data-area="${r.area}"><td class="num hide-narrow">${chineseNumeral(r.area)}</td>` +
      `<td><a href="${relativeHref(PATH, areaPage(r.area))}">${esc(r.title)}</a></td>` +
      `<td class="num">${r.measures}</td><td class="num hide-narrow">${r.done}</td><td class="num">${r.overdue}</td>` +
      `<td class="num hide-narrow">${r.dueSoon}</td><td class="nowrap">${completionBar(r.completionPercent)}</td>` +
      `<td>${lightBadge(r.light)}</td></tr>`,
  );
  const t = model.byArea.total;
  rows.push(
    `<tr class="total"><td class="hide-narrow"></td><td>合计</td><td class="num">${t.measures}</td><td class="num hide-narrow">${t.done}</td>` +
      `<td class="num">${t.overdue}</td><td class="num hide-narrow">${t.dueSoon}</td><td class="nowrap">${completionBar(t.completionPercent)}</td><td>${lightBadge(t.light)}</td></tr>`,
  );
  return `<div class="table-wrap"><table class="sortable areas-table">
<thead><tr><th class="num hide-narrow">序号</th><th>主要指标</th><th class="num">措施</th><th class="num hide-narrow">已完成</th><th class="num">逾期</th><th class="num hide-narrow">临期</th><th>完成率</th><th>状态灯</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function trend(model: SiteModel): string {
  const note =
    model.trend.length > 1
      ? `<p class="note">每月按月末（本月按 ${esc(model.asOf)}）计算，数据来自 Git 历史。</p>`
      : '<p class="note">只有当前一个月的数据：台账的 Git 历史不足一个月时只显示当前情况。</p>';
  const svg = trendChartSvg(
    model.trend.map((p) => ({
      month: p.month,
      completionPercent: p.completionPercent,
      overdue: p.overdue,
      escalated: p.escalated,
    })),
    { idPrefix: 'trend', width: 520, height: 260 },
  );
  return `<div class="chart">${svg}</div>${note}`;
}

function missing(model: SiteModel): string {
  const reports = model.currentReports;
  if (!reports) return '<p class="note">reports/ 中还没有这个月的报送文件，从略。</p>';
  const units = reports.rows.filter((r) => r.state === 'missing').map((r) => r.unit);
  const late = reports.rows.filter((r) => r.state === 'late').length;
  const head = `<p>${esc(reports.month)} 应报 ${reports.owing} 个单位，已报 ${reports.received}，未报 ${reports.missing}，迟报 ${late}（截止 ${esc(reports.due)}）。<a href="${relativeHref(PATH, SITE_PAGES.reporting)}">报送情况</a></p>`;
  if (units.length === 0) return `${head}<p>全部已报送。</p>`;
  const items = units.map((u) => `<li><a href="${relativeHref(PATH, unitPage(u))}">${esc(u)}</a></li>`).join('');
  return `${head}<ul class="unit-list missing-units">${items}</ul>`;
}

function legend(model: SiteModel): string {
  return `<p class="note">状态灯：红 = 有逾期措施；黄 = 无逾期，但有临期措施或长期/适时事项未报进展；绿 = 其余。完成率 = 已完成 ÷ 措施数。逾期：完成时限的次日起仍未完成；严重逾期：逾期超过 ${model.ledger.config.escalation_days} 天。</p>`;
}
