import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';
import { pdfPages, pdfPageSize, pageText, printToolsMissing, toPdf } from '../helpers/pdf-tools.js';

interface Report {
  completed: { id: string }[];
  start: { counts: { overdue: number } };
  end: { counts: { overdue: number } };
  trend: { month: string; row: { done: number; overdue: number; newlyDone: number } }[];
}

/** Paragraph texts and table rows (cells) of a docx body, in order. */
function docxText(xml: string): { paragraphs: string[]; rows: string[][] } {
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replaceAll('\u2011', '-');
  const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => text(tc[0])),
  );
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...body.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => text(p[0])).filter(Boolean);
  return { paragraphs, rows };
}

describe('ledger summary --quarter --format docx', () => {
  let history: HistoryRepo;
  let dir: string;
  let docx: string;
  let report: Report;
  let zip: JSZip;
  beforeAll(async () => {
    history = buildHistoryRepo();
    dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-quarter-docx-'));
    docx = path.join(dir, 'q3.docx');
    const made = history.cli('summary', '--quarter', '2020Q3', '--format', 'docx', '--out', docx);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    report = JSON.parse(history.cli('summary', '--quarter', '2020Q3', '--format', 'json').stdout) as Report;
    zip = await JSZip.loadAsync(readFileSync(docx));
  }, 120_000);
  afterAll(() => {
    history.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the figures of the JSON in the sentences of the Markdown, with the month rows as a table', async () => {
    const { paragraphs, rows } = docxText(await zip.file('word/document.xml')!.async('string'));
    const markdown = history.cli('summary', '--quarter', '2020Q3', '--format', 'md', '--out', '-').stdout;
    const sentences = paragraphs.filter((p) => /^(2020年第三季度（|季初逾期\d|7月、8月、9月)/.test(p));
    expect(sentences).toHaveLength(3);
    for (const sentence of sentences) expect(markdown).toContain(sentence);
    expect(sentences[0]).toContain(`本季度完成${report.completed.length}项`);
    expect(sentences[1]).toContain(`季初逾期${report.start.counts.overdue}项，季末逾期${report.end.counts.overdue}项`);
    for (const { month, row } of report.trend) {
      const label = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
      const cells = rows.find((r) => r[0] === label)!;
      expect(cells.slice(1, 2).concat(cells.slice(4, 5), cells.slice(6, 7))).toEqual(
        [row.done, row.overdue, row.newlyDone].map(String),
      );
    }
    expect(rows.find((r) => r[0] === '大武口区')?.[1]).toBe('迟报（07-23）');
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.*\.png$/.test(f))).toBe(true);
    expect(history.cli('summary', '--quarter', '2020Q3', '--format', 'docx', '--out', '-').code).toBe(2);
  });

  it.skipIf(printToolsMissing())('opens in LibreOffice and prints on A4 portrait pages numbered — n —', async () => {
    const pdf = await toPdf(docx);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const { width, height } = pdfPageSize(pdf, page);
      expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
      expect(pageText(pdf, page)).toMatch(new RegExp(`—\\s*${page}\\s*—`));
    }
    expect(pageText(pdf, 1).replace(/\s+/g, '')).toContain('季度报告（2020年第三季度）');
  });
});

if (printToolsMissing()) console.warn(`quarter docx: LibreOffice checks skipped: ${printToolsMissing()}`);
