import { insertAll, pushAll } from '../core/model/arrays.js';
import type { QuarterlyReport } from '../core/summaries/quarterly-report.js';
import type { Light } from '../core/rules/rollup.js';
import { escapeCell, escapeInline, markdownTable } from './markdown.js';
import { quarterNarrative } from './quarter-narrative.js';
import { quarterSections, quarterTitle } from './quarter-sections.js';
import { LIGHT_EMOJI, type SummarySection } from './summary-sections.js';

/**
 * The quarterly report as Markdown: one `##` section per table, the same sections as the xlsx sheets;
 * the first opens with the sentences of the docx (quarter-narrative.ts).
 */
export function renderQuarterMarkdown(report: QuarterlyReport): string {
  const out = [`# ${escapeInline(quarterTitle(report))}`];
  for (const section of quarterSections(report)) {
    const lines = sectionLines(section);
    // 总体情况 opens with the docx's sentences.
    if (section.name === '总体情况')
      insertAll(lines, 1, [...quarterNarrative(report).flatMap((p) => ['', escapeInline(p)])]);
    pushAll(out, ['', ...lines]);
  }
  return `${out.join('\n')}\n`;
}

function sectionLines(section: SummarySection): string[] {
  const lines = [`## ${escapeInline(section.title)}`];
  for (const line of section.note?.split('\n') ?? []) lines.push('', escapeInline(line));
  if (section.rows.length > 0) {
    const rows = section.rows.map((row) =>
      row.map((cell, col) =>
        col === section.lightColumn && cell.charAt(0) in LIGHT_EMOJI
          ? `${LIGHT_EMOJI[cell.charAt(0) as Light]} ${escapeCell(cell)}`
          : escapeCell(cell),
      ),
    );
    lines.push('', markdownTable(section.header, rows));
  }
  return lines;
}
