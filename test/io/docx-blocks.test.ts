import { describe, expect, it } from 'vitest';
import { docxBlocks } from '../../src/io/docx-blocks.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const body = (...blocks: string[]) =>
  `<?xml version="1.0"?><w:document ${W}><w:body>${blocks.join('')}</w:body></w:document>`;

describe('docxBlocks', () => {
  it('spans, vertical merges, paragraphs in a cell, nested tables, deleted text and line breaks', () => {
    const xml = body(
      p('标题&amp;年份'),
      `<w:tbl>${[
        tr(tc(p('甲'), '<w:gridSpan w:val="2"/>'), tc(p('丙'))),
        tr(tc(p('一'), '<w:vMerge w:val="restart"/>'), tc(p('二') + p('二行')), tc(p('三'))),
        tr(
          tc(p(''), '<w:vMerge/>'),
          tc(`<w:tbl>${tr(tc(p('内')))}</w:tbl>`),
          tc(
            '<w:p><w:r><w:t>留</w:t><w:br/><w:t>下</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>',
          ),
        ),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('后'))}${tc(p('尾'))}</w:tr>`,
      ].join('')}</w:tbl>`,
      p('注：说明'),
    );
    const { paragraphs, grids, before } = docxBlocks(xml, 'a.docx');
    expect(paragraphs).toEqual(['标题&年份', '注：说明']);
    expect(before).toBe(1);
    expect(grids).toHaveLength(1);
    const rows = grids[0]!.rows;
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['甲', '甲', '丙'],
      ['一', '二\n二行', '三'],
      ['一', '内', '留\n下'],
      ['', '后', '尾'],
    ]);
    expect(rows[0]![0]!.origin).toBe(rows[0]![1]!.origin);
    expect(rows[2]![0]!.origin).toBe(rows[1]![0]!.origin);
    expect(grids[0]!.lines).toEqual([1, 2, 3, 4]);
  });

  it('a body that is not XML is a usage error naming the file', () => {
    expect(() => docxBlocks('<w:document><w:body>', 'b.docx')).toThrow('b.docx 的正文');
  });
});
