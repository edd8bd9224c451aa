import { LEDGER_COLUMNS, type LedgerRow, type LedgerTable } from '../core/summaries/ledger-table.js';
import { escapeCell, escapeInline, markdownTable } from './markdown.js';

/**
 * The 台账 as Markdown: one section per 主要指标 with one table in the other
 * five columns; the 目标任务 cell is written on the first row of its measures
 * only, as a merged cell would show it. Overdue measures are in bold.
 */
export function renderLedgerMarkdown(table: LedgerTable): string {
  const out = [
    `# ${escapeInline(table.title)}`,
    '',
    ...(table.scope ? [escapeInline(table.scope), ''] : []),
    legend(table),
  ];
  if (table.areas.length === 0) out.push('', '（没有符合条件的具体措施）');
  for (const area of table.areas) {
    const rows = area.tasks.flatMap((task) => task.rows.map((row, i) => markdownRow(i === 0 ? task.label : '', row)));
    out.push('', `## ${escapeInline(area.label)}`, '', markdownTable(LEDGER_COLUMNS.slice(1), rows));
  }
  return `${out.join('\n')}\n`;
}

function legend(table: LedgerTable): string {
  return (
    `截至 ${table.asOf}：共 ${table.measureCount} 项具体措施，逾期 ${table.overdueCount} 项。` +
    (table.version ? `${escapeInline(table.version)}。` : '') +
    '工作完成情况**加粗**的措施已过完成时限仍未完成；完成时限按文件原文，已批准的延期见备注。'
  );
}

function markdownRow(taskLabel: string, row: LedgerRow): string[] {
  const [measure, units, progress, remark] = row.cells.map(escapeCell) as [string, string, string, string];
  const bold = (text: string) => (row.state.overdue && text ? `**${text}**` : text);
  return [escapeCell(taskLabel), measure, units, bold(progress), remark];
}
