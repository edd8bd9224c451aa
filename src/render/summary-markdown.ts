import { insertAll, pushAll } from '../core/model/arrays.js';
import type { MonthlySummary } from '../core/summaries/monthly-summary.js';
import type { Light } from '../core/rules/rollup.js';
import { escapeCell, escapeInline, markdownTable } from './markdown.js';
import type { TrendPoint } from '../core/summaries/monthly-trend.js';
import { summaryNarrative } from './summary-narrative.js';
import { LIGHT_EMOJI, summarySections, summaryTitle, type SummarySection } from './summary-sections.js';

/**
 * The monthly summary as Markdown: one `##` section per table, the same sections as the xlsx sheets;
 * the first (总体情况) opens with the docx's sentences and ends with the trend, the docx's chart as a table.
 */
export function renderSummaryMarkdown(summary: MonthlySummary, trend: readonly TrendPoint[] = []): string {
  const out = [`# ${escapeInline(summaryTitle(summary))}`];
  for (const section of summarySections(summary)) {
    pushAll(out, ['', ...sectionLines(section)]);
    if (section.name === '总体情况')
      insertAll(out, out.length - (section.rows.length ? 1 : 0), [...narrative(summary, trend)]);
    if (section.name === '总体情况' && trend.length >= 2) pushAll(out, ['', ...trendLines(trend)]);
  }
  return `${out.join('\n')}\n`;
}

function narrative(summary: MonthlySummary, trend: readonly TrendPoint[]): string[] {
  return summaryNarrative(summary, trend).flatMap((paragraph) => [escapeInline(paragraph), '']);
}

/** The trend chart of the docx as a table: one row per month. */
function trendLines(trend: readonly TrendPoint[]): string[] {
  return [
    `完成率和逾期措施逐月变化（${trend.length}个月）：`,
    '',
    markdownTable(
      ['月份', '计算日', '已完成', '完成率', '逾期', '其中严重逾期'],
      trend.map((p) => [
        p.month,
        p.asOf,
        String(p.done),
        `${p.completionPercent}%`,
        String(p.overdue),
        String(p.escalated),
      ]),
    ),
  ];
}

function sectionLines(section: SummarySection): string[] {
  const lines = [`## ${escapeInline(section.title)}`];
  for (const line of section.note?.split('\n') ?? []) lines.push('', escapeInline(line));
  if (section.rows.length > 0)
    lines.push(
      '',
      markdownTable(
        section.header,
        section.rows.map((row, i) => markdownRow(section, row, i)),
      ),
    );
  return lines;
}

function markdownRow(section: SummarySection, row: readonly string[], index: number): string[] {
  const total = section.totalRow && index === section.rows.length - 1;
  return row.map((cell, col) => {
    const text =
      col === section.lightColumn && cell.charAt(0) in LIGHT_EMOJI
        ? `${LIGHT_EMOJI[cell.charAt(0) as Light]} ${escapeCell(cell)}`
        : escapeCell(cell);
    return total && text ? `**${text}**` : text;
  });
}
