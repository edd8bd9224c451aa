import type { OverdueResult } from './run.js';
import { holdBackText } from '../../core/rules/part-text.js';
import { DEADLINE_MIN_WIDTH, deadlineText, stateText } from '../../render/measure-state-text.js';
import type { TableFallback } from '../../render/table-fit.js';
import { renderTable, terminalStyle, wrapLines } from '../../render/terminal-style.js';

/** `ledger overdue` for a terminal: one row per measure, most urgent first. */
export function renderOverdueText(result: OverdueResult, options: { color: boolean; width?: number }): string {
  const style = terminalStyle(options.color);
  const scope = [
    result.filters.unit && `责任单位 ${result.filters.unit}`,
    result.filters.lead && `牵头单位 ${result.filters.lead}`,
    result.filters.area !== undefined && `主要指标 ${result.filters.area}`,
  ].filter(Boolean);
  const what = result.within === undefined ? '逾期措施' : `逾期及 ${result.within} 天内到期的措施`;
  const lines = [
    `${what}　截至 ${result.asOf}${scope.length > 0 ? `（${scope.join('，')}）` : ''}`,
    style.dim(result.version.label),
  ];
  let tableAt = -1;
  if (result.items.length === 0) {
    lines.push(style.good(result.within === undefined ? '没有逾期的措施。' : '没有逾期或临期的措施。'));
  } else {
    const rows = result.items.map((i) => [
      i.id,
      i.title,
      deadlineText(i.deadline, i.state, '\n'),
      [style.phase(i.state.phase, stateText(i.state)), holdBackText(i.parts)].filter(Boolean).join('\n'),
      'unit' in i && typeof i.unit === 'string' ? i.unit : i.units.join('、'),
      i.leads.join('、'),
    ]);
    tableAt = lines.length;
    const layout = {
      maxWidths: [undefined, 36, 26, 30, 30, 20],
      wrap: [undefined, 'text', 'text', 'text', 'list', 'list'] as const,
      minWidths: [undefined, undefined, DEADLINE_MIN_WIDTH],
      width: options.width,
      // A narrow terminal gives up 牵头单位 first, then shows 责任单位 as a count, then leaves it out.
      fallbacks: [
        { column: 5, drop: true },
        { column: 4, cells: result.items.map((i) => `${i.units.length} 个`), note: '“责任单位”只显示个数' },
        { column: 4, drop: true },
      ] satisfies TableFallback[],
    };
    lines.push(
      renderTable(
        ['编号', '具体措施', '完成时限', '情况', '责任单位', '牵头单位'],
        rows,
        Array(6).fill('left'),
        style,
        layout,
      ),
    );
    const escalated =
      result.escalated > 0 ? `（其中严重逾期 ${result.escalated} 项，逾期超过 ${result.escalationDays} 天）` : '';
    const dueSoon = result.within === undefined ? '' : `，临期 ${result.dueSoon} 项`;
    lines.push(`逾期 ${result.overdue} 项${escalated}${dueSoon}。`);
  }
  if (result.problems > 0)
    lines.push(style.warn(`注意：台账中有 ${result.problems} 处错误，出错的措施未计入；运行 ledger validate 查看。`));
  return `${lines.map((line, i) => (i === tableAt ? line : wrapLines([line], options.width)[0])).join('\n')}\n`;
}
