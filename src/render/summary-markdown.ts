import type { MonthlySummary } from '../core/monthly-summary.js';
import type { Light } from '../core/rollup.js';
import { escapeCell, escapeInline, markdownTable } from './markdown.js';
import { LIGHT_EMOJI, summarySections, summaryTitle, type SummarySection } from './summary-sections.js';

/** The monthly summary as Markdown: one `##` section per table, the same sections as the xlsx sheets. */
export function renderSummaryMarkdown(summary: MonthlySummary): string {
  const out = [`# ${escapeInline(summaryTitle(summary))}`];
  for (const section of summarySections(summary)) out.push('', ...sectionLines(section));
  return `${out.join('\n')}\n`;
}

function sectionLines(section: SummarySection): string[] {
  const lines = [`## ${escapeInline(section.title)}`];
  if (section.note) lines.push('', escapeInline(section.note));
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
      col === section.lightColumn && cell in LIGHT_EMOJI ? `${LIGHT_EMOJI[cell as Light]} ${cell}` : escapeCell(cell);
    return total && text ? `**${text}**` : text;
  });
}
