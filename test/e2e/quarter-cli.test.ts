import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../helpers/docx-text.js';
import { sharedHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';
import { prefetchCli } from '../helpers/run-cli-batch.js';
import { pdfPages, pdfPageSize, pageText, printToolsMissing, toPdf } from '../helpers/pdf-tools.js';

interface Measure {
  id: string;
  completedOn?: string;
  month?: string;
  reason?: string;
}
interface Report {
  quarter: string;
  months: string[];
  version: unknown;
  start: { day: string; version: { label: string }; counts: { overdue: number; done: number } };
  end: { day: string; version: { label: string }; counts: { overdue: number; done: number } };
  completed: Measure[];
  overdue: { start: Measure[]; end: Measure[]; newly: Measure[]; cleared: Measure[] };
  leads: {
    lead: string;
    measures: number;
    done: number;
    completed: number;
    overdue: number;
    caughtUp: number;
    light: string;
  }[];
  trend: { month: string; day: string; version: unknown; row: Record<string, unknown> }[];
  reporting: { unit: string; months: { month: string; state: string }[]; onTime: number; late: number }[];
}
interface Trend {
  months: { month: string; day: string; version: unknown; rows: Record<string, unknown>[] }[];
}

const ids = (list: { id: string }[]) => list.map((m) => m.id).sort();

const QUERIES: string[][] = [
  ['summary', '--quarter', '2020Q3', '--format', 'json'],
  ['status', '--as-of', '2020-09-30', '--format', 'json'],
  ['status', '--as-of', '2020-07-01', '--format', 'json'],
  ['overdue', '--as-of', '2020-07-01', '--format', 'json'],
  ['overdue', '--as-of', '2020-09-30', '--format', 'json'],
  ['trend', '--as-of', '2020-10-31', '--format', 'json'],
  ['status', '--as-of', '2020-09-30', '--by', 'lead', '--format', 'json'],
  ['missing', '--month', '2020-07', '--as-of', '2020-07-31', '--format', 'json'],
  ['missing', '--month', '2020-08', '--as-of', '2020-08-31', '--format', 'json'],
  ['missing', '--month', '2020-09', '--as-of', '2020-09-30', '--format', 'json'],
  ['summary', '--quarter', '2020-Q3', '--format', 'md', '--out', '-'],
  ['summary', '--quarter', '2020Q3', '--as-of', '2020-08-20', '--format', 'json'],
  ['summary', '--quarter', '2020Q4', '--as-of', '2020-10-31', '--format', 'json'],
  ['status', '--as-of', '2020-10-31', '--by', 'lead', '--format', 'json'],
  ['summary', '--quarter', '2020Q4', '--as-of', '2020-10-31', '--format', 'md', '--out', '-'],
  ['trend', '--as-of', '2020-09-30', '--lead', '审批局', '--format', 'json'],
  ['summary', '--quarter', '2020Q3', '--lead', '审批局', '--format', 'json'],
  ['summary', '--quarter', '2020Q3', '--area', '1', '--format', 'json'],
  ['summary', '--quarter', '2020Q3', '--rev', 'HEAD~1', '--format', 'json'],
  ['summary', '--quarter', '2020Q3', '--as-of', '2020-07-10', '--format', 'json'],
  ['summary', '--quarter', '2020Q3', '--format', 'md', '--out', '-'],
];

describe('ledger summary --quarter', () => {
  let history: HistoryRepo;
  let report: Report;
  beforeAll(async () => {
    const shared = await sharedHistoryRepo();
    // The questions the tests only read answers to, put to one batch process; the rest spawn the CLI.
    history = { ...shared, cli: await prefetchCli(shared.repo.dir, QUERIES) };
    const run = history.cli('summary', '--quarter', '2020Q3', '--format', 'json');
    expect(run.stderr).toBe('');
    report = JSON.parse(run.stdout) as Report;
  }, 120_000);
  afterAll(() => history.remove());

  it('lists what was completed in the quarter, from the December checkout', () => {
    expect(report.months).toEqual(['2020-07', '2020-08', '2020-09']);
    expect(report.end.day).toBe('2020-09-30');
    expect(report.end.version.label).toMatch(/2020-09-24 提交 [0-9a-f]{7}（合并 2020-09 报送）/);
    const status = JSON.parse(history.cli('status', '--as-of', '2020-09-30', '--format', 'json').stdout) as {
      version: unknown;
    };
    expect(report.version).toEqual(status.version);
    // 1.1.2 was reported done (completed_on 07-10 and 07-12) and merged in July; 1.2.1 only in October.
    expect(report.completed).toMatchObject([{ id: '1.1.2', completedOn: '2020-07-12', month: '2020-07' }]);
    const startDone = JSON.parse(history.cli('status', '--as-of', '2020-07-01', '--format', 'json').stdout) as {
      total: { done: number };
    };
    expect(report.end.counts.done - startDone.total.done).toBe(report.completed.length);
  });

  it('gives overdue at the start and at the end as ledger overdue said on those days', () => {
    const overdueOn = (day: string) =>
      ids(
        (JSON.parse(history.cli('overdue', '--as-of', day, '--format', 'json').stdout) as { items: Measure[] }).items,
      );
    expect(ids(report.overdue.start)).toEqual(overdueOn('2020-07-01'));
    expect(ids(report.overdue.end)).toEqual(overdueOn('2020-09-30'));
    expect(ids(report.overdue.start)).toEqual(['1.1.2', '1.2.1']);
    // 1.1.2 cleared by its completion; 1.2.1 still overdue (only 市司法局's part was extended).
    expect(report.overdue.cleared).toMatchObject([{ id: '1.1.2', reason: '已完成' }]);
    expect(report.overdue.newly).toEqual([]);
    expect([report.start.counts.overdue, report.end.counts.overdue]).toEqual([2, 1]);
  });

  it("gives each month the row ledger trend gives it, and each lead's figures at the end", () => {
    const trend = JSON.parse(history.cli('trend', '--as-of', '2020-10-31', '--format', 'json').stdout) as Trend;
    const months = trend.months.filter((m) => report.months.includes(m.month));
    expect(months).toHaveLength(3);
    expect(report.trend.map((t) => [t.month, t.day, t.version, t.row])).toEqual(
      months.map((m) => [m.month, m.day, m.version, m.rows[0]]),
    );
    const status = JSON.parse(
      history.cli('status', '--as-of', '2020-09-30', '--by', 'lead', '--format', 'json').stdout,
    ) as { rows: { lead: string; measures: number; done: number; overdue: number; light: string }[] };
    for (const lead of report.leads) {
      const then = status.rows.find((r) => r.lead === lead.lead)!;
      expect([lead.measures, lead.done, lead.overdue, lead.light]).toEqual([
        then.measures,
        then.done,
        then.overdue,
        then.light,
      ]);
    }
    expect(report.leads.map((l) => [l.lead, l.completed])).toEqual([['市审批局', 1]]);
  });

  it("gives each unit's month as ledger missing counted it at that month end, the late one included", () => {
    const ends = { '2020-07': '2020-07-31', '2020-08': '2020-08-31', '2020-09': '2020-09-30' } as const;
    for (const [month, day] of Object.entries(ends)) {
      const missing = JSON.parse(
        history.cli('missing', '--month', month, '--as-of', day, '--format', 'json').stdout,
      ) as { rows: { unit: string; state: string }[] };
      for (const row of missing.rows) {
        const unit = report.reporting.find((u) => u.unit === row.unit)!;
        expect(unit.months.find((m) => m.month === month)!.state, `${month} ${row.unit}`).toBe(row.state);
      }
    }
    const unit = (name: string) => report.reporting.find((u) => u.unit === name)!;
    expect(unit('大武口区').months[0]).toMatchObject({ month: '2020-07', state: 'late' });
    expect(unit('市审批局').months.map((m) => m.state)).toEqual(['on-time', 'on-time', 'late']);
    expect([unit('市审批局').onTime, unit('市审批局').late]).toEqual([2, 1]);
  });

  it('prints Markdown with the same figures, and counts a quarter part-way with --as-of', () => {
    const md = history.cli('summary', '--quarter', '2020-Q3', '--format', 'md', '--out', '-');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# 工作台账季度报告（2020年第三季度）');
    expect(md.stdout).toContain('| 逾期 | 2 | 1 | −1 |');
    expect(md.stdout).toMatch(/\| 1\.1\.2 \| 优化企业开办线下服务 \|.*\| 2020-07-12 \| 2020年7月 \| 逾期完成 \|/);
    expect(md.stdout).toMatch(/\| 大武口区 \| 迟报（07-23） \|/);
    const part = JSON.parse(
      history.cli('summary', '--quarter', '2020Q3', '--as-of', '2020-08-20', '--format', 'json').stdout,
    ) as Report;
    expect(part.months).toEqual(['2020-07', '2020-08']);
    expect(part.trend.map((t) => t.day)).toEqual(['2020-07-31', '2020-08-20']);
    expect(part.end.version.label).toMatch(/2020-08-19 提交 [0-9a-f]{7}（8月报送）/);
  });

  it('writes an xlsx with those figures', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-quarter-'));
    try {
      const out = path.join(dir, 'q.xlsx');
      const run = history.cli('summary', '--quarter', '2020Q3', '--out', out);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('本季度完成 1 项');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        '总体情况',
        '本季度完成',
        '逾期变化',
        '牵头单位',
        '逐月走势',
        '报送情况',
      ]);
      // Dates are written with non-breaking hyphens (keepDatesWhole), so that they never wrap.
      const values = (sheet: string, row: number) =>
        (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[])
          .slice(1)
          .map((v) => (typeof v === 'string' ? v.replaceAll('\u2011', '-') : v));
      expect(values('总体情况', 8)).toEqual(['逾期', 2, 1, '−1', expect.any(String)]);
      expect(values('本季度完成', 4).slice(0, 2)).toEqual(['1.1.2', '优化企业开办线下服务']);
      const trendRows = [4, 5, 6].map((r) => values('逐月走势', r));
      expect(trendRows.map((r) => r.slice(1, 4))).toEqual(report.trend.map((t) => [t.day, t.row.measures, t.row.done]));
      const units = workbook.getWorksheet('报送情况')!;
      const daWuKou = [...Array(units.rowCount).keys()]
        .map((i) => values('报送情况', i + 1))
        .find((r) => r[0] === '大武口区');
      expect(daWuKou?.slice(1, 2)).toEqual(['迟报（07-23）']);
      expect(workbook.getWorksheet('总体情况')!.pageSetup.paperSize).toBe(9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('remembers the month end before the end, as status does: a lead 黄（补齐） after an overdue measure is done', () => {
    // 1.2.1 was overdue on 2020-09-30 and completed in October.
    const october = JSON.parse(
      history.cli('summary', '--quarter', '2020Q4', '--as-of', '2020-10-31', '--format', 'json').stdout,
    ) as Report;
    const status = JSON.parse(
      history.cli('status', '--as-of', '2020-10-31', '--by', 'lead', '--format', 'json').stdout,
    ) as { rows: { lead: string; light: string; caughtUp: number }[] };
    expect(october.leads.map((l) => [l.lead, l.light, l.caughtUp])).toEqual(
      status.rows.map((r) => [r.lead, r.light, r.caughtUp]),
    );
    expect(october.leads[0]).toMatchObject({ light: '黄', caughtUp: 1 });
    const md = history.cli('summary', '--quarter', '2020Q4', '--as-of', '2020-10-31', '--format', 'md', '--out', '-');
    expect(md.stdout).toMatch(/\| 市审批局 \|.*\| 🟡 黄（补齐） \|/);
  });

  it('narrows to a lead or an area like summary --month, and takes the end from --rev', () => {
    const trend = JSON.parse(
      history.cli('trend', '--as-of', '2020-09-30', '--lead', '审批局', '--format', 'json').stdout,
    ) as Trend;
    for (const args of [
      ['--lead', '审批局'],
      ['--area', '1'],
    ]) {
      const scoped = JSON.parse(
        history.cli('summary', '--quarter', '2020Q3', ...args, '--format', 'json').stdout,
      ) as Report & { title: string };
      expect(scoped.title).toMatch(/（市审批局牵头）|（第 1 项主要指标）/);
      expect(scoped.trend.map((t) => t.row)).toEqual(trend.months.map((m) => m.rows[0]));
    }
    const written = history.cli('summary', '--quarter', '2020Q3', '--lead', '审批局', '--format', 'md');
    const file = path.join(history.repo.dir, '季度报告-市审批局-2020Q3.md');
    expect(written.stdout).toContain(file);
    expect(existsSync(file)).toBe(true);
    rmSync(file);
    const rev = JSON.parse(
      history.cli('summary', '--quarter', '2020Q3', '--rev', 'HEAD~1', '--format', 'json').stdout,
    ) as Report;
    // October's merge completed 1.2.1: at that revision it is done, so it counts as completed.
    expect(rev.end.version.label).toContain('（合并 2020-10 报送）');
    expect(ids(rev.completed)).toEqual(['1.1.2', '1.2.1']);
    expect(rev.trend).toEqual(report.trend);
  });

  it('refuses a quarter before the first commit; early in a quarter, counts no report not yet due', () => {
    const before = history.cli('summary', '--quarter', '2020Q2');
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('台账还没有提交到仓库');
    const early = history.cli('summary', '--quarter', '2020Q3', '--as-of', '2020-07-10', '--format', 'json');
    const part = JSON.parse(early.stdout) as Report;
    expect(part.months).toEqual(['2020-07']);
    expect(part.reporting).toBeUndefined();
  });

  it('refuses a bad --quarter, or --quarter with --month, in Chinese with exit 2', () => {
    for (const bad of ['2020Q5', '2020-09', 'Q3', '2020 Q3x']) {
      const run = history.cli('summary', '--quarter', bad);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain(`--quarter 的季度“${bad}”无效`);
      expect(run.stderr).toContain('例如 --quarter 2020Q3');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const both = history.cli('summary', '--quarter', '2020Q3', '--month', '2020-07');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--month 与 --quarter 不能同时使用');
    const early = history.cli('summary', '--quarter', '2020Q3', '--as-of', '2020-06-15');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('早于 2020Q3');
  });

  describe('as a Word document (--format docx)', () => {
    let dir: string;
    let docx: string;
    let zip: JSZip;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-quarter-docx-'));
      docx = path.join(dir, 'q3.docx');
      const made = history.cli('summary', '--quarter', '2020Q3', '--format', 'docx', '--out', docx);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      zip = await JSZip.loadAsync(readFileSync(docx));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('says the figures of the JSON in the sentences of the Markdown, with the month rows as a table', async () => {
      const { paragraphs, rows } = docxText(await zip.file('word/document.xml')!.async('string'));
      const markdown = history.cli('summary', '--quarter', '2020Q3', '--format', 'md', '--out', '-').stdout;
      const sentences = paragraphs.filter((p) => /^(2020年第三季度（|季初逾期\d|7月、8月、9月)/.test(p));
      expect(sentences).toHaveLength(3);
      for (const sentence of sentences) expect(markdown).toContain(sentence);
      expect(sentences[0]).toContain(`本季度完成${report.completed.length}项`);
      expect(sentences[1]).toContain(
        `季初逾期${report.start.counts.overdue}项，季末逾期${report.end.counts.overdue}项`,
      );
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
});

if (printToolsMissing()) console.warn(`quarter docx: LibreOffice checks skipped: ${printToolsMissing()}`);
