/**
 * A 督办单 as a Word document on A4, after the same 公文 conventions as the
 * monthly 通报 (docx-style.ts): title in 黑体, number, addressee, body in 仿宋,
 * the parts as a table, the answer deadline, issuer and date at the right.
 * The wording is core/summaries/notice-letter.ts's, the Markdown's too.
 */
import { AlignmentType, Document, LineRuleType, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import type { NoticeLetter } from '../core/summaries/notice-letter.js';
import { BODY_LINE, FONTS, LANGUAGE, PAGE, SIZES } from './docx-style.js';
import { sectionTable } from './summary-docx-tables.js';

export async function renderNoticeDocx(letter: NoticeLetter): Promise<Buffer> {
  const table = sectionTable(
    { name: '督办事项', title: '督办事项', header: [...letter.header], rows: letter.rows },
    { columns: letter.header },
  );
  const children = [
    line(letter.title, { font: FONTS.title, size: SIZES.title, align: AlignmentType.CENTER, after: 240 }),
    line(letter.number, { align: AlignmentType.CENTER, after: 240 }),
    line(letter.addressee),
    line(letter.intro, { indent: true }),
    ...(table ? [table] : []),
    line(letter.request, { indent: true, before: 240 }),
    line(letter.issuer, { align: AlignmentType.RIGHT, before: 480 }),
    line(letter.date, { align: AlignmentType.RIGHT }),
  ];
  const document = new Document({
    creator: 'ledger',
    title: `${letter.title} ${letter.number}`,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZES.body, language: LANGUAGE } } } },
    sections: [
      {
        properties: { page: { ...PAGE, size: { ...PAGE.size, orientation: PageOrientation.PORTRAIT } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

interface LineLook {
  font?: (typeof FONTS)[keyof typeof FONTS];
  size?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: boolean;
  before?: number;
  after?: number;
}

function line(text: string, look: LineLook = {}): Paragraph {
  return new Paragraph({
    alignment: look.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: look.before ?? 0, after: look.after ?? 0 },
    ...(look.indent ? { indent: { firstLine: 2 * SIZES.body * 10 } } : {}),
    children: [new TextRun({ text, font: look.font ?? FONTS.body, size: look.size ?? SIZES.body })],
  });
}
