/**
 * The quarterly report as xlsx: one A4 sheet per section (quarter-sections.ts), laid out as the
 * monthly summary's sheets (summary-xlsx.ts: title, note, frozen header repeated on printed pages,
 * coloured traffic lights). exceljs is imported here only.
 */
import type { Writable } from 'node:stream';
import type { QuarterlyReport } from '../core/summaries/quarterly-report.js';
import { quarterSections, quarterTitle } from './quarter-sections.js';
import { writeSection } from './summary-xlsx.js';

/** Streams the workbook into `stream` and ends it. */
export async function writeQuarterXlsx(report: QuarterlyReport, stream: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = 'ledger';
  const title = { whole: quarterTitle(report), ledger: report.title };
  for (const section of quarterSections(report)) writeSection(workbook, section, title);
  await workbook.commit();
}
