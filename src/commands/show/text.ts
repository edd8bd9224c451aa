import type { ShowResult } from './run.js';
import { deadlineMeaning } from '../../render/measure-state-text.js';
import { terminalStyle, wrapLines, wrapToWidth, type TerminalStyle } from '../../render/terminal-style.js';
import { displayWidth } from '../../render/text-width.js';
import { safeText } from '../../render/safe-text.js';
import { holdBackText } from '../../core/rules/part-text.js';

/** Below this many columns beside the label, continuation lines hang by a fixed indent instead. */
const MIN_TEXT_COLUMNS = 20;
const NARROW_INDENT = '      ';

/**
 * `ledger show ID` for a terminal: the measure in full, label by label. Multi-line texts (progress written
 * unit by unit) and, with `width`, long texts continue on lines indented under the text, not under the label.
 */
export function renderShowText(result: ShowResult, options: { color: boolean; width?: number }): string {
  const style = terminalStyle(options.color);
  const { measure, item, area, task } = result;
  const state = item.state;
  const units = measure.units.join('、') + (measure.related_units ? '等相关部门' : '');
  const members = result.reportingUnits.join('、');
  const lines: [string, string][] = [
    ['主要指标', `${area.area}. ${area.title}`],
    ['目标任务', `${task.id} ${task.title}`],
    ['具体措施', measure.text],
    ['完成时限', measure.deadline],
    ['当前情况', `${style.phase(state.phase)}：${deadlineMeaning(state, result.asOf, result.escalationDays)}`],
    ['台账版本', result.version.label.replace('台账版本：', '')],
    ['责任部门', members !== measure.units.join('、') ? `${units}（分别报送：${members}）` : units],
    ['牵头单位', item.leads.join('、')],
    ['状态', statusLine(result)],
    ['工作完成情况', measure.progress || style.dim('（暂无）')],
    ['备注', measure.remark || style.dim('（无）')],
  ];
  for (const [i, ext] of (measure.extensions ?? []).entries()) {
    const decided = ext.decided_on ? `，${ext.decided_on}${ext.decided_by ? ` ${ext.decided_by}` : ''}决定` : '';
    const why = ext.decision_reason ? `；${ext.decision_reason}` : '';
    lines.push([
      `延期申请 ${i + 1}`,
      `${ext.requested_by} ${ext.requested_in} 申请延期至 ${ext.until}（${ext.reason}）：${ext.state}${decided}${why}`,
    ]);
  }
  for (const unit of result.reportingUnits)
    if (!measure.unit_reports?.[unit] && measure.status !== '已完成')
      lines.push([`${unit} 报送`, style.warn('从未报送')]);
  for (const [unit, report] of Object.entries(measure.unit_reports ?? {})) {
    const done = report.completed_on ? `（完成日期 ${report.completed_on}）` : '';
    const evidence = report.evidence?.length ? `\n佐证材料：${report.evidence.join('、')}` : '';
    lines.push([
      `${unit} 报送`,
      `${report.month} ${report.status}${done}${report.progress ? `：${report.progress}` : ''}${evidence}`,
    ]);
  }
  const head = `${style.head(safeText(`${measure.id} ${measure.title}`))}　${style.dim(`${result.file}:${result.line}`)}`;
  const note =
    result.problems > 0 ? [style.warn(`注意：台账中有 ${result.problems} 处错误；运行 ledger validate 查看。`)] : [];
  return `${[...wrapLines([head], options.width), ...lines.map(([label, text]) => labelled(label, text, options.width, style)), ...note].join('\n')}\n`;
}

/** The stored status, its milestones, and who the measure waits for (已完成 4/5，待 平罗县（从未报送）). */
function statusLine({ measure, item }: ShowResult): string {
  const milestones = measure.milestones_met ? `（已完成 ${measure.milestones_met} 个时间节点）` : '';
  const waiting = holdBackText(item.parts);
  return `${measure.status}${milestones}${waiting ? `；${waiting}` : ''}`;
}

/**
 * “  label：text”, continuation lines hanging under the text's first column; when the label leaves too little
 * room beside it, the text starts on the next line, indented by a few spaces.
 */
export function labelled(label: string, text: string, width: number | undefined, style: TerminalStyle): string {
  label = safeText(label);
  const prefix = `  ${label}：`;
  const body = safeText(text, { multiline: true }).replace(/\s+$/, '');
  const room = width === undefined ? undefined : width - displayWidth(prefix);
  if (room === undefined || room >= MIN_TEXT_COLUMNS) {
    const indent = ' '.repeat(displayWidth(prefix));
    const wrapped = room === undefined ? body : wrapToWidth(body, room);
    return `  ${style.head(label)}：${wrapped.split('\n').join(`\n${indent}`)}`;
  }
  const wrapped = wrapToWidth(body, Math.max(width! - NARROW_INDENT.length, MIN_TEXT_COLUMNS));
  return `  ${style.head(label)}：\n${NARROW_INDENT}${wrapped.split('\n').join(`\n${NARROW_INDENT}`)}`;
}
