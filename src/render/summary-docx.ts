import { pushAll } from '../core/model/arrays.js';
/**
 * The monthly summary as a Word document (docx) an office sends upward: a
 * short 通报 on A4 after the 公文 conventions — title, the month in a few
 * sentences, a chart of completion by area (and the trend once the ledger has
 * history), then the tables that matter: areas with lights, overdue measures,
 * units that did not report on time, the ranking. Figures, rows and sentences
 * are the Markdown's (summary-sections.ts, summary-narrative.ts); the charts
 * are the dashboard's SVG (charts.ts) drawn as PNG. docx is imported here only.
 */
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import { chineseNumeral } from '../core/model/ledger-labels.js';
import type { MonthlySummary } from '../core/summaries/monthly-summary.js';
import type { TrendPoint } from '../core/summaries/monthly-trend.js';
import { areaCompletionChartSvg, trendChartSvg } from './charts.js';
import { pngSize, svgToPng } from './chart-png.js';
import { BODY_LINE, FONTS, LANGUAGE, PAGE, SIZES, TEXT_WIDTH } from './docx-style.js';
import { breakTitle } from './print-text.js';
import { sectionTable, type DocxTableOptions } from './summary-docx-tables.js';
import { dateLabel, summaryNarrative } from './summary-narrative.js';
import { summarySections, summaryTitle, type SummarySection } from './summary-sections.js';

/** The sections of summary-sections.ts the document shows, by name, and the columns it keeps. */
export const DOCX_SECTIONS: readonly (DocxTableOptions & { name: string })[] = [
  {
    name: '各主要指标',
    columns: ['序号', '主要指标', '措施数', '已完成', '推进中', '未启动', '逾期', '临期', '完成率', '状态灯'],
  },
  { name: '逾期措施', columns: ['编号', '具体措施', '完成时限', '逾期天数', '待完成单位'] },
  { name: '报送情况', columns: ['单位', '报送情况'], groups: 3 },
  { name: '单位通报', columns: ['名次', '单位', '得分', '逾期', '本月报送'], groups: 2 },
];

/** Pixels across of the chart images: sharp when printed at the type area's width. */
const CHART_PIXELS = 1600;
/** Width the charts are laid out at (SVG pixels): its 12 px labels print at about 9 pt across the type area. */
const CHART_WIDTH = 640;

/** `fontFiles`: the CJK fonts the charts are drawn with (io/cjk-fonts.ts; none: the system's). */
export async function renderSummaryDocx(
  summary: MonthlySummary,
  trend: readonly TrendPoint[] = [],
  fontFiles: readonly string[] = [],
): Promise<Buffer> {
  const sections = summarySections(summary);
  const children: FileChild[] = [...titleBlock(summary), heading(1, '总体情况')];
  for (const text of summaryNarrative(summary, trend)) children.push(bodyParagraph(text));
  pushAll(children, [...(await charts(summary, trend, fontFiles))]);
  DOCX_SECTIONS.forEach((wanted, i) => {
    const section = sections.find((s) => s.name === wanted.name);
    if (section) pushAll(children, [...sectionBlock(section, i + 2, wanted)]);
  });
  return portraitDocument(summaryTitle(summary), children);
}

/** An A4 portrait Word file in the 通报's fonts with page numbers `— n —` (the monthly and the quarterly report). */
export function portraitDocument(title: string, children: FileChild[]): Promise<Buffer> {
  const document = new Document({
    creator: 'ledger',
    title,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZES.body, language: LANGUAGE } } } },
    sections: [
      {
        properties: { page: { ...PAGE, size: { ...PAGE.size, orientation: PageOrientation.PORTRAIT } } },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function titleBlock(summary: MonthlySummary): Paragraph[] {
  const whole = summaryTitle(summary);
  const perLine = Math.floor(TEXT_WIDTH.twips / (SIZES.title * 10));
  const lines = whole.startsWith(summary.title)
    ? [...breakTitle(summary.title, perLine), ...breakTitle(whole.slice(summary.title.length), perLine)]
    : breakTitle(whole, perLine);
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 120 },
    children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0, font: FONTS.title, size: SIZES.title })),
  });
  const asOf = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text: `（截至${dateLabel(summary.asOf)}）`, size: SIZES.subtitle })],
  });
  return [title, asOf];
}

export function heading(number: number, text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 120 },
    indent: { firstLine: 2 * SIZES.body * 10 },
    children: [new TextRun({ text: `${chineseNumeral(number)}、${text}`, font: FONTS.heading, size: SIZES.heading })],
  });
}

export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: 2 * SIZES.body * 10 },
    children: [new TextRun({ text, size: SIZES.body })],
  });
}

export function note(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 60, after: 60 },
    children: [new TextRun({ text, size: SIZES.small })],
  });
}

/** The area chart, and the trend when there are at least two months of history. */
async function charts(
  summary: MonthlySummary,
  trend: readonly TrendPoint[],
  fontFiles: readonly string[],
): Promise<Paragraph[]> {
  const areas = { idPrefix: 'areas', width: CHART_WIDTH, height: 40 + summary.areas.rows.length * 17 };
  const figures = [{ svg: areaCompletionChartSvg(summary.areas, areas), caption: '各主要指标完成情况' }];
  if (trend.length >= 2)
    figures.push({
      svg: trendChartSvg(trend, { idPrefix: 'trend', width: CHART_WIDTH, height: 190 }),
      caption: `完成率和逾期措施逐月变化（${trend.length}个月）`,
    });
  const out: Paragraph[] = [];
  for (const [i, figure] of figures.entries()) {
    const png = await svgToPng(figure.svg, CHART_PIXELS, fontFiles);
    const { width, height } = pngSize(png);
    const shown = { width: TEXT_WIDTH.pixels, height: Math.round((TEXT_WIDTH.pixels * height) / width) };
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new ImageRun({ type: 'png', data: png, transformation: shown, altText: { name: figure.caption } })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: `图${i + 1}　${figure.caption}`, font: FONTS.heading, size: SIZES.small })],
      }),
    );
  }
  return out;
}

export function sectionBlock(section: SummarySection, number: number, options: DocxTableOptions): FileChild[] {
  const title = section.title.replace(/^[一二三四五六七八九十]+、/, '');
  const out: FileChild[] = [heading(number, title)];
  if (section.note) out.push(note(section.note));
  const table = sectionTable(section, options);
  if (table) out.push(table);
  return out;
}

/** “— 1 —”, centred, 四号 宋体 (the 公文 page number). */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.table, size: SIZES.subtitle }),
        ],
      }),
    ],
  });
}
