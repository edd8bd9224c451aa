import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLedgerTable } from '../../src/core/summaries/ledger-table.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { continuedAreaLabel, continuedTaskLabel } from '../../src/render/ledger-pages.js';
import { LEDGER_WIDTHS } from '../../src/render/ledger-xlsx.js';
import { buildHistory } from '../../scripts/six-month-history.mjs';
import {
  pageText,
  pdfPages,
  pdfPageSize,
  pdfWords,
  printToolsMissing,
  toPdf,
  type PdfWord,
} from '../helpers/pdf-tools.js';
import { runCli } from '../helpers/run-cli.js';

const missing = printToolsMissing();
if (missing) console.warn(`print pages: skipped: ${missing}`);

const plain = (text: string) => text.replace(/\s+/g, '').replaceAll('\u2011', '-');

/**
 * The texts of the 主要指标 and 目标任务 columns of one printed page, top to bottom, without the header row
 * (and on the first page without the title and legend above it). Text above the header on a later page is
 * kept: that is where a cut merged cell spills.
 */
function labelColumns(words: readonly PdfWord[], first: boolean): { area: string; task: string } {
  const header = ['主要指标', '目标任务', '具体措施及完成时限'].map((name) => words.find((w) => w.text === name));
  if (header.some((w) => !w)) throw new Error('page without the repeated header row');
  const [a, t, m] = header as [PdfWord, PdfWord, PdfWord];
  // Header names are centred in their columns; columns meet in proportion to their widths.
  const centre = (w: PdfWord) => w.xMin + (w.xMax - w.xMin) / 2;
  const [w0, w1, w2] = LEDGER_WIDTHS as [number, number, number];
  const areaEnd = centre(a) + ((centre(t) - centre(a)) * w0) / (w0 + w1);
  const taskEnd = centre(t) + ((centre(m) - centre(t)) * w1) / (w1 + w2);
  const inHeader = (w: PdfWord) => w.yMin >= a.yMin - 2 && w.yMax <= a.yMax + 2;
  const body = words
    .filter((w) => !inHeader(w) && (!first || w.yMin > a.yMax))
    .sort((x, y) => x.yMin - y.yMin || x.xMin - y.xMin);
  const text = (from: number, to: number) =>
    plain(
      body
        .filter((w) => w.xMin >= from && w.xMin < to)
        .map((w) => w.text)
        .join(''),
    );
  return { area: text(0, areaEnd), task: text(areaEnd, taskEnd) };
}

/** Splits `text` into whole labels from `labels`, longest first; the rest that is no label, if any. */
function wholeLabels(text: string, labels: readonly string[]): { found: string[]; rest?: string } {
  const sorted = [...labels].sort((x, y) => y.length - x.length);
  const found: string[] = [];
  let at = 0;
  while (at < text.length) {
    const label = sorted.find((l) => text.startsWith(l, at));
    if (!label) return { found, rest: text.slice(at) };
    found.push(label);
    at += label.length;
  }
  return { found };
}

describe.skipIf(missing)('printed pages (LibreOffice → PDF, pdftotext per page)', () => {
  let dir: string;
  let city: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-print-'));
    city = path.join(dir, 'city');
    await buildHistory(city);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('台账: no 目标任务 text is cut at a page break, and every page names its 主要指标', async () => {
    const made = runCli(['render', '--as-of', '2020-12-25', '--out', '../ledger.xlsx'], city);
    expect(made.code).toBe(0);
    const pdf = await toPdf(path.join(dir, 'ledger.xlsx'));
    const table = buildLedgerTable(loadLedger(city).ledger, '2020-12-25');
    const areas = table.areas.flatMap((area) => [area.label, continuedAreaLabel(area)]).map(plain);
    const tasks = table.areas.flatMap((area) => area.tasks);
    const taskLabels = tasks.flatMap((task) => [task.label, continuedTaskLabel(task)]).map(plain);
    const pages = pdfWords(pdf);
    expect(pages.length).toBe(pdfPages(pdf));
    expect(pages.length).toBeGreaterThan(10);
    const shown: string[] = [];
    pages.forEach((words, i) => {
      const columns = labelColumns(words, i === 0);
      const taskParts = wholeLabels(columns.task, taskLabels);
      expect(taskParts.rest, `page ${i + 1}: 目标任务 text that is not a whole label`).toBeUndefined();
      const areaParts = wholeLabels(columns.area, areas);
      expect(areaParts.rest, `page ${i + 1}: 主要指标 text that is not a whole label`).toBeUndefined();
      expect(areaParts.found.length, `page ${i + 1} names its 主要指标`).toBeGreaterThan(0);
      if (i > 0) expect(columns.area.startsWith(areaParts.found[0]!)).toBe(true);
      shown.push(...taskParts.found);
    });
    // Every task's full text is printed once, whole, on one page.
    for (const task of tasks) expect(shown.filter((label) => label === plain(task.label))).toHaveLength(1);
    expect(pageText(pdf, 2)).toContain('（续）');
  });

  it('summary: A4 sheets, portrait where they fit, no title line that is a lone bracket', async () => {
    const made = runCli(['summary', '--month', '2020-12', '--out', '../summary.xlsx'], city);
    expect(made.code).toBe(0);
    const pdf = await toPdf(path.join(dir, 'summary.xlsx'));
    const pages = pdfPages(pdf);
    const orientations = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      const { width, height } = pdfPageSize(pdf, page);
      expect([Math.round(width), Math.round(height)].sort()).toEqual([595, 842]);
      orientations.add(width < height ? 'portrait' : 'landscape');
      const lines = pageText(pdf, page).split('\n');
      expect(lines.filter((line) => /^\s*[）)]\s*$/.test(line))).toEqual([]);
    }
    expect(orientations.has('portrait')).toBe(true);
    expect(pageText(pdf, 1)).toContain('石嘴山市深化“放管服”改革优化营商环境工作台账');
  });
});
