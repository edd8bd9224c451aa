import { pushAll } from '../core/model/arrays.js';
/**
 * The quarterly report as a Word document for the 领导小组's quarterly meeting: A4, the 公文 layout
 * of the monthly 通报 (summary-docx.ts: its headings, paragraphs, tables and page numbers), the
 * quarter in a few sentences (quarter-narrative.ts), the three months as a chart, then the tables of
 * quarter-sections.ts cut to the columns a short report needs. docx is imported here only.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun, type FileChild } from 'docx';
import type { TrendPoint } from '../core/summaries/monthly-trend.js';
import type { QuarterlyReport } from '../core/summaries/quarterly-report.js';
import { trendChartSvg } from './charts.js';
import { pngSize, svgToPng } from './chart-png.js';
import { FONTS, SIZES, TEXT_WIDTH } from './docx-style.js';
import { breakTitle } from './print-text.js';
import { quarterNarrative } from './quarter-narrative.js';
import { quarterSections, quarterTitle } from './quarter-sections.js';
import type { DocxTableOptions } from './summary-docx-tables.js';
import { bodyParagraph, heading, note, portraitDocument, sectionBlock } from './summary-docx.js';
import { dateLabel } from './summary-narrative.js';

/** The sections the document shows after 总体情况, by name, and the columns it keeps. */
const DOCX_SECTIONS: readonly (Omit<DocxTableOptions, 'columns'> & { name: string; columns?: readonly string[] })[] = [
  { name: '本季度完成', columns: ['编号', '具体措施', '完成日期', '牵头单位', '备注'] },
  { name: '逾期变化', columns: ['编号', '具体措施', '完成时限', '季初', '季末逾期天数', '变化'] },
  {
    name: '牵头单位',
    columns: ['牵头单位', '措施数', '已完成', '本季度完成', '季初逾期', '季末逾期', '完成率', '状态灯'],
  },
  { name: '逐月走势', columns: ['月份', '已完成', '推进中', '未启动', '逾期', '严重逾期', '新完成', '报送率'] },
  // Every column: a unit, one per month, and the counts.
  { name: '报送情况' },
];

const CHART_PIXELS = 1600;
const CHART_WIDTH = 640;

export async function renderQuarterDocx(report: QuarterlyReport, fontFiles: readonly string[] = []): Promise<Buffer> {
  const sections = quarterSections(report);
  const children: FileChild[] = [...titleBlock(report), heading(1, '总体情况')];
  for (const text of quarterNarrative(report)) children.push(bodyParagraph(text));
  pushAll(children, [...(await trendFigure(report, fontFiles))]);
  const overall = sections.find((s) => s.name === '总体情况');
  if (overall?.note) children.push(note(overall.note.replaceAll('\n', '；')));
  DOCX_SECTIONS.forEach((wanted, i) => {
    const section = sections.find((s) => s.name === wanted.name);
    if (section)
      pushAll(children, [...sectionBlock(section, i + 2, { ...wanted, columns: wanted.columns ?? section.header })]);
  });
  return portraitDocument(quarterTitle(report), children);
}

function titleBlock(report: QuarterlyReport): Paragraph[] {
  const perLine = Math.floor(TEXT_WIDTH.twips / (SIZES.title * 10));
  const lines = [...breakTitle(report.title, perLine), ...breakTitle(`季度报告（${report.label}）`, perLine)];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 120 },
      children: lines.map(
        (text, i) => new TextRun({ text, break: i > 0 ? 1 : 0, font: FONTS.title, size: SIZES.title }),
      ),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `（截至${dateLabel(report.end.day)}）`, size: SIZES.subtitle })],
    }),
  ];
}

/** The months of the quarter as the monthly 通报's trend chart (two months at least). */
async function trendFigure(report: QuarterlyReport, fontFiles: readonly string[]): Promise<Paragraph[]> {
  if (report.trend.length < 2) return [];
  const points: TrendPoint[] = report.trend.map(({ month, day, row }) => ({
    month,
    asOf: day,
    measures: row.measures,
    done: row.done,
    completionPercent: row.measures === 0 ? 0 : Math.round((row.done * 100) / row.measures),
    overdue: row.overdue,
    escalated: row.escalated,
  }));
  const caption = `本季度完成率和逾期措施逐月变化`;
  const png = await svgToPng(
    trendChartSvg(points, { idPrefix: 'trend', width: CHART_WIDTH, height: 190 }),
    CHART_PIXELS,
    fontFiles,
  );
  const { width, height } = pngSize(png);
  const shown = { width: TEXT_WIDTH.pixels, height: Math.round((TEXT_WIDTH.pixels * height) / width) };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: png, transformation: shown, altText: { name: caption } })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: `图1　${caption}`, font: FONTS.heading, size: SIZES.small })],
    }),
  ];
}
