import { PHASE_DESCRIPTIONS } from '../../core/rules/evaluate.js';
import { chineseNumeral } from '../../core/model/ledger-labels.js';
import type { MeasureRef } from '../../core/model/ledger.js';
import type { MeasureItem } from '../../core/rules/rollup.js';
import type { SiteModel } from '../../core/summaries/site-model.js';
import { deadlineMeaning, deadlineText, stateText } from '../measure-state-text.js';
import { historyHtml } from './history-html.js';
import { esc, evidenceLink, phaseBadge } from './html.js';
import { unitLinks } from './measure-table.js';
import { evaluatePart } from '../../core/rules/parts.js';
import { partsOf } from './parts.js';
import { areaPage, leadPage, measurePage, relativeHref } from './paths.js';

/** One measure: text, 完成时限 and its meaning on the day, each unit's part, evidence, extensions, history. */
export function measureBody(model: SiteModel, ref: MeasureRef, item: MeasureItem): string {
  const { measure, area, task } = ref;
  const from = measurePage(measure.id);
  const { config } = model.ledger;
  const facts: [string, string][] = [
    [
      '主要指标',
      `<a href="${relativeHref(from, areaPage(area.area))}">${esc(chineseNumeral(area.area))}、${esc(area.title)}</a>`,
    ],
    ['目标任务', `${esc(task.id)} ${esc(task.title)}`],
    ['牵头单位', ref.leads.map((l) => `<a href="${relativeHref(from, leadPage(l))}">${esc(l)}</a>`).join('、')],
    ['责任部门', `${unitLinks(from, measure.units)}${measure.related_units ? '等相关部门' : ''}`],
    ['完成时限', esc(deadlineText(measure.deadline, item.state))],
    ['在当天的含义', esc(deadlineMeaning(item.state, model.asOf, config.escalation_days))],
    ['状态', `${phaseBadge(item.state.phase, stateText(item.state))}　${esc(PHASE_DESCRIPTIONS[item.state.phase])}`],
    ['工作完成情况', `<span class="measure-text">${esc(measure.progress || '（空）')}</span>`],
  ];
  if (measure.remark) facts.push(['备注', `<span class="measure-text">${esc(measure.remark)}</span>`]);
  return `<p class="breadcrumb"><a href="${relativeHref(from, areaPage(area.area))}">${esc(chineseNumeral(area.area))}、${esc(area.title)}</a> › ${esc(task.id)}</p>
<h1>${esc(measure.id)} ${esc(measure.title)}</h1>
<p class="measure-text">${esc(measure.text)}</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>各单位的报送（最近一次）</h2>
${partsTable(model, ref)}
<h2>延期申请</h2>
${extensions(ref)}
<h2>修改历史</h2>
${historyHtml(model.history === undefined ? undefined : (model.history.get(measure.id) ?? []))}`;
}

function partsTable(model: SiteModel, ref: MeasureRef): string {
  const rows = partsOf(model, ref.measure).map((part) => {
    const report = part.report;
    const state = evaluatePart(ref.measure, part.unit, model.asOf, model.ledger.config);
    const evidence = (report?.evidence ?? []).map((e) => `<li>${evidenceLink(e, model.repoUrl)}</li>`).join('');
    return `<tr data-unit="${esc(part.unit)}"><td>${esc(part.unit)}</td><td class="nowrap">${part.reported ? esc(part.status) : '未报送'}</td>
<td>${phaseBadge(state.phase, stateText(state))}</td><td class="nowrap">${esc(report?.month ?? '—')}</td>
<td class="measure-text">${esc(report?.progress ?? '')}</td><td class="measure-text">${esc(report?.problems ?? '')}</td><td class="measure-text">${esc(report?.next_steps ?? '')}</td>
<td>${evidence ? `<ul class="evidence">${evidence}</ul>` : ''}</td><td class="nowrap">${esc(report?.completed_on ?? '')}</td></tr>`;
  });
  return `<p class="note">每个责任单位一行（单位组按成员单位）：本单位的状态、按本单位时限（含本单位获批的延期）在当天的情况，以及最近一次报送。</p>
<div class="table-wrap"><table class="parts">
<thead><tr><th>责任单位</th><th>本单位状态</th><th>本单位时限</th><th>报送月份</th><th>工作完成情况</th><th>存在问题</th><th>下步计划</th><th>佐证材料</th><th>完成日期</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function extensions(ref: MeasureRef): string {
  const list = ref.measure.extensions ?? [];
  if (list.length === 0) return '<p class="note">（无）</p>';
  const rows = list.map(
    (e) =>
      `<tr><td>${esc(e.requested_by)}</td><td>${esc(e.requested_in)}</td><td>${esc(e.until)}</td><td class="measure-text">${esc(e.reason)}</td>` +
      `<td>${esc(e.state)}</td><td>${esc([e.decided_on, e.decided_by].filter(Boolean).join(' '))}</td><td class="measure-text">${esc(e.decision_reason ?? '')}</td></tr>`,
  );
  return `<div class="table-wrap"><table class="extensions">
<thead><tr><th>申请单位</th><th>申请月份</th><th>延期至</th><th>理由</th><th>审批状态</th><th>审批</th><th>审批意见</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}
