import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHistory } from '../../scripts/six-month-history.mjs';
import { pdfPages, pdfPageSize, pageText, printToolsMissing, toPdf } from '../helpers/pdf-tools.js';
import { runCli } from '../helpers/run-cli.js';
import { runCliBatch } from '../helpers/run-cli-batch.js';

interface Counts {
  measures: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  escalated: number;
  dueSoon: number;
  completionPercent: number;
  caughtUp: number;
  light: string;
}
interface SummaryJson {
  headline: Counts & { dueNextMonth: number };
  areas: { rows: (Counts & { area: number; title: string })[] };
  overdue: { id: string }[];
  completed: { id: string }[];
  reports: { owing: number; received: number; rows: { unit: string; state: string }[] };
  ranking: { rank: number; unit: string; score: number; overdue: number }[];
  neverReported: { unit: string; overdue: number }[];
  trend: { month: string; completionPercent: number; overdue: number }[];
  change: { headline: { completionPercent: number; overdue: number } };
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

const rowsWith = (rows: string[][], width: number) => rows.filter((r) => r.length === width);

describe('ledger summary --format docx: the month as a Word 通报', () => {
  let dir: string;
  let docx: string;
  let json: SummaryJson;
  let markdown: string;
  let zip: JSZip;

  beforeAll(async () => {
    // Shared by the tests below: tempDir() would be removed after the first.
    dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-docx-'));
    await buildHistory(path.join(dir, 'city'));
    const cwd = path.join(dir, 'city');
    // The Word file is written by a real run; the JSON and Markdown twins come from one batch process.
    const made = runCli(['summary', '--month', '2020-12', '--format', 'docx', '--out', '../summary.docx'], cwd);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    docx = path.join(dir, 'summary.docx');
    const [asJson, asMarkdown] = await runCliBatch(
      [
        { args: ['summary', '--month', '2020-12', '--format', 'json'] },
        { args: ['summary', '--month', '2020-12', '--format', 'md', '--out', '-'] },
      ],
      cwd,
    );
    json = JSON.parse(asJson!.stdout) as SummaryJson;
    markdown = asMarkdown!.stdout;
    zip = await JSZip.loadAsync(readFileSync(docx));
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is A4 portrait with centred page numbers — 1 —', async () => {
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).not.toContain('w:orient="landscape"');
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footer = (await Promise.all(footers.map((f) => zip.file(f)!.async('string')))).join('');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
  });

  it('holds the area chart and the six-month trend as PNG images', async () => {
    const images = Object.keys(zip.files).filter((f) => /^word\/media\/.*\.png$/.test(f));
    expect(images).toHaveLength(2);
    for (const image of images) {
      const bytes = await zip.file(image)!.async('uint8array');
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(20_000);
    }
    expect(json.trend.map((p) => p.month)).toEqual(['2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12']);
  });

  it('says in words and shows in tables the figures of summary --format json', async () => {
    const { paragraphs, rows } = docxText(await zip.file('word/document.xml')!.async('string'));
    const text = paragraphs.join('\n');
    const h = json.headline;
    // 较上月: the summary's own change (the figures of its tables), which the trend agrees with.
    const [previous, current] = json.trend.slice(-2);
    const change = json.change.headline.completionPercent;
    expect(change).toBe(current!.completionPercent - previous!.completionPercent);
    expect(text).toContain(`新完成${json.completed.length}项，累计完成${h.done}项、完成率${h.completionPercent}%`);
    expect(text).toContain(
      change === 0 ? '（与上月持平）' : `（较上月${change > 0 ? '+' : '−'}${Math.abs(change)}个百分点）`,
    );
    const overdue = json.change.headline.overdue;
    const moved = overdue === 0 ? '（与上月持平）' : `（较上月${overdue > 0 ? '+' : '−'}${Math.abs(overdue)}项）`;
    expect(text).toContain(`逾期${h.overdue}项${moved}，其中严重逾期${h.escalated}项，主要集中在`);
    expect(text).toContain(`应报送单位${json.reports.owing}个，已报送${json.reports.received}个`);
    const missing = json.reports.rows.filter((r) => r.state === 'missing').map((r) => r.unit);
    expect(missing.length).toBeGreaterThan(0);
    expect(text).toContain(`未报送${missing.length}个（`);

    const titles = new Set(json.areas.rows.map((r) => r.title));
    const areaRows = rowsWith(rows, 10).filter((r) => titles.has(r[1]!));
    expect(areaRows).toEqual(
      json.areas.rows.map((r) => [
        String(r.area),
        r.title,
        ...[r.measures, r.done, r.inProgress, r.notStarted, r.overdue, r.dueSoon].map(String),
        `${r.completionPercent}%`,
        r.light === '黄' && r.caughtUp > 0 ? '黄（补齐）' : r.light,
      ]),
    );
    const overdueIds = rowsWith(rows, 5)
      .map((r) => r[0]!)
      .filter((id) => /^\d+\.\d+\.\d+$/.test(id));
    expect(overdueIds).toEqual(json.overdue.map((i) => i.id));
    // The ranking, two units a row: 名次 单位 得分 逾期 本月报送, twice; units that never reported last, unranked.
    const units = new Set([...json.ranking, ...json.neverReported].map((u) => u.unit));
    const ranked = rowsWith(rows, 10)
      .flatMap((r) => [r.slice(0, 5), r.slice(5)])
      .filter((r) => units.has(r[1]!));
    expect(new Set(ranked.map((r) => r.slice(0, 4).join('|')))).toEqual(
      new Set([
        ...json.ranking.map((u) => [u.rank, u.unit, u.score, u.overdue].join('|')),
        ...json.neverReported.map((u) => ['—', u.unit, '—', u.overdue].join('|')),
      ]),
    );
  });

  it('has the same sentences and trend in Markdown, its text twin', async () => {
    const { paragraphs } = docxText(await zip.file('word/document.xml')!.async('string'));
    const sentences = paragraphs.filter((p) => /^(截至|逾期|目前没有逾期|\d{4}年\d+月应报送)/.test(p));
    expect(sentences).toHaveLength(3);
    for (const sentence of sentences) expect(markdown).toContain(sentence);
    for (const point of json.trend) expect(markdown).toContain(`| ${point.month} |`);
  });

  it.skipIf(printToolsMissing())('opens in LibreOffice and prints on at most three A4 portrait pages', async () => {
    const pdf = await toPdf(docx);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const { width, height } = pdfPageSize(pdf, page);
      expect(Math.round(width)).toBe(595);
      expect(Math.round(height)).toBe(842);
      expect(pageText(pdf, page)).toMatch(new RegExp(`—\\s*${page}\\s*—`));
    }
    expect(pageText(pdf, 1)).toContain('总体情况');
  });
});

if (printToolsMissing()) console.warn(`summary docx: LibreOffice checks skipped: ${printToolsMissing()}`);
