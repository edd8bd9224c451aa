import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { chineseNumeral } from '../../src/core/model/ledger-labels.js';
import { AreaSchema, type Area, type Measure } from '../../src/core/model/schema.js';
import { REPO_ROOT } from './ledger-fixture.js';

/** Areas 1 and 2 of the bundled ledger (the files the import must reproduce). */
export function bundledAreas(): Area[] {
  return ['01-持续深化商事制度改革.yaml', '02-提升项目建设审批便利度.yaml'].map((name) =>
    AreaSchema.parse(parse(readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8'))),
  );
}

/** Units as the document writes them: the first in full, later ones without their 市, then 等相关部门. */
export function writtenUnits(measure: Measure): string[] {
  const names = measure.units.map((u, i) => (i > 0 && /^市.{2,}/.test(u) ? u.slice(1) : u));
  const half = Math.ceil(names.length / 2);
  const lines = names.length > 3 ? [names.slice(0, half), names.slice(half)] : [names];
  const text = lines.map((l) => l.join('、'));
  if (measure.related_units) text[text.length - 1] += '等相关部门';
  return text;
}

function cell(texts: readonly string[], merge?: 'restart' | 'continue'): TableCell {
  return new TableCell({
    children: texts.map((t) => new Paragraph(t)),
    ...(merge ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

/**
 * The attachment's table for these areas, as a Word document: six columns (主要指标｜目标任务｜
 * 具体措施及完成时限｜责任部门｜工作完成情况｜备注), area and task cells merged down their rows,
 * a title above the table and a note below it.
 */
export async function attachmentDocx(areas: readonly Area[]): Promise<Buffer> {
  const header = ['主要指标', '目标任务', '具体措施及完成时限', '责任部门', '工作完成情况', '备注'];
  const rows = [new TableRow({ tableHeader: true, children: header.map((h) => cell([h])) })];
  for (const area of areas) {
    const heading = `${chineseNumeral(area.area)}、${area.title}（${area.lead.join('、')}牵头）`;
    area.tasks.forEach((task, t) =>
      task.measures.forEach((measure, m) => {
        const first = t === 0 && m === 0;
        rows.push(
          new TableRow({
            children: [
              cell(first ? [heading] : [''], first ? 'restart' : 'continue'),
              cell(m === 0 ? [`${t + 1}.${task.text}`] : [''], m === 0 ? 'restart' : 'continue'),
              cell([`${m + 1})${measure.text}（完成时限：${measure.deadline}）`]),
              cell(writtenUnits(measure)),
              cell(['']),
              cell(['']),
            ],
          }),
        );
      }),
    );
  }
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '附件', alignment: AlignmentType.LEFT }),
          new Paragraph({ text: '石嘴山市深化放管服改革优化营商环境工作台账', alignment: AlignmentType.CENTER }),
          new Table({ rows }),
          new Paragraph('注：各责任单位每月20日前报送工作完成情况。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export interface SheetRow {
  task: string;
  measure: string;
  leads: string;
  units: string;
  deadline: string;
}

/**
 * An Excel 分工台账: a title row merged across the columns, the header 序号｜重点任务｜具体措施｜
 * 牵头单位｜责任单位｜完成时限, 重点任务 cells merged down their rows, a note row at the end.
 */
export async function divisionXlsx(title: string, rows: readonly SheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工台账');
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, 6);
  sheet.addRow(['序号', '重点任务', '具体措施', '牵头单位', '责任单位', '完成时限']);
  let start = 3;
  rows.forEach((row, i) => {
    const r = i + 3;
    const first = i === 0 || rows[i - 1]!.task !== row.task;
    sheet.addRow([i + 1, first ? row.task : null, row.measure, row.leads, row.units, row.deadline || null]);
    if (first) start = r;
    const last = i === rows.length - 1 || rows[i + 1]!.task !== row.task;
    if (last && r > start) sheet.mergeCells(start, 2, r, 2);
  });
  const note = sheet.addRow(['注：完成时限未写年份的，均为本年度。']);
  sheet.mergeCells(note.number, 1, note.number, 6);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A Word document of plain paragraphs, one per line. */
export async function paragraphsDocx(lines: readonly string[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(document);
}
