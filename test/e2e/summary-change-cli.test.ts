import ExcelJS from 'exceljs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';
import { prefetchCli } from '../helpers/run-cli-batch.js';
import { AREA_FILE } from '../helpers/report-fixture.js';

const KEYS = ['measures', 'done', 'inProgress', 'notStarted', 'overdue', 'escalated', 'dueSoon', 'ongoing'] as const;

interface Figures extends Record<(typeof KEYS)[number] | 'completionPercent', number> {
  area?: number;
}
interface SummaryJson {
  month: string;
  headline: Figures & { dueNextMonth: number };
  areas: { rows: (Figures & { area: number })[] };
  change: {
    month: string;
    asOf: string;
    version: string;
    headline: Record<string, number>;
    areas: (Record<string, number> & { area: number })[];
    measures: { id: string; title: string; from?: string; to: string; units: string[] }[];
  } | null;
}

describe('summary --month: 较上月 against last month’s summary, from one late checkout', () => {
  let history: HistoryRepo;
  const json = (month: string) => {
    const run = history.cli('summary', '--month', month, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as SummaryJson;
  };
  /** Each measure's stored status in the area file as committed by the end of `day` (read with git, not the tool). */
  const statusesAt = (day: string) => {
    const commit = history.repo.git('rev-list', '-1', `--before=${day}T23:59:59+08:00`, 'HEAD').trim();
    const area = parse(history.repo.git('show', `${commit}:${AREA_FILE}`)) as {
      tasks: { measures: { id: string; status: string }[] }[];
    };
    return new Map(area.tasks.flatMap((t) => t.measures.map((m) => [m.id, m.status] as const)));
  };
  beforeAll(async () => {
    const shared = await sharedHistoryRepo();
    // The questions the tests only read answers to, put to one batch process (prefetchCli).
    const queries = [
      ...['2020-07', '2020-08', '2020-09', '2020-10'].map((month) => ['summary', '--month', month, '--format', 'json']),
      ['summary', '--month', '2020-07', '--format', 'md', '--out', '-'],
      ['summary', '--month', '2020-10', '--format', 'md', '--out', '-'],
    ];
    history = { ...shared, cli: await prefetchCli(shared.repo.dir, queries) };
  }, 120_000);
  afterAll(() => history.remove());

  it('each headline figure and area row changes by this month’s figure minus last month’s', () => {
    for (const [month, last] of [
      ['2020-08', '2020-07'],
      ['2020-10', '2020-09'],
    ] as const) {
      const now = json(month);
      const then = json(last);
      expect(now.change).toMatchObject({ month: last, asOf: `${last}-25` });
      expect(now.change!.version).toMatch(/^台账版本：2020-\d\d-2\d 提交 [0-9a-f]{7}/);
      for (const key of [...KEYS, 'completionPercent', 'dueNextMonth'] as const)
        expect(now.change!.headline[key], `${month} ${key}`).toBe(now.headline[key] - then.headline[key]);
      for (const row of now.areas.rows) {
        const before = then.areas.rows.find((r) => r.area === row.area)!;
        const change = now.change!.areas.find((a) => a.area === row.area)!;
        for (const key of KEYS) expect(change[key], `${month} area ${row.area} ${key}`).toBe(row[key] - before[key]);
      }
    }
  });

  it('lists exactly the measures whose stored status changed since last month’s summary day', () => {
    for (const [month, last] of [
      ['2020-08', '2020-07'],
      ['2020-09', '2020-08'],
      ['2020-10', '2020-09'],
    ] as const) {
      const before = statusesAt(`${last}-25`);
      const after = statusesAt(`${month}-25`);
      const expected = [...after]
        .filter(([id, status]) => before.get(id) !== status)
        .map(([id, to]) => ({ id, from: before.get(id), to }));
      expect(expected.length).toBeGreaterThan(0);
      const listed = json(month).change!.measures.map(({ id, from, to }) => ({ id, from, to }));
      expect(listed).toEqual(expected);
    }
  });

  it('says 较上月：无上月数据 for the first month instead of counting from zero', () => {
    expect(json('2020-07').change).toBeNull();
    const md = history.cli('summary', '--month', '2020-07', '--format', 'md', '--out', '-').stdout;
    expect(md).toContain('较上月：无上月数据');
    expect(md).not.toContain('| 较上月 |');
    expect(md).not.toContain('状态变化');
  });

  it('shows the changes in Markdown (columns, status list, the narrative’s figures) and in an xlsx sheet', async () => {
    const summary = json('2020-10');
    const md = history.cli('summary', '--month', '2020-10', '--format', 'md', '--out', '-').stdout;
    expect(md).toContain('| 项目 | 数量 | 较上月 | 说明 |');
    const points = summary.change!.headline.completionPercent;
    expect(points).not.toBe(0);
    expect(md).toContain(`完成率${summary.headline.completionPercent}%（较上月+${points}个百分点）`);
    expect(md).toContain(`| 完成率 | ${summary.headline.completionPercent}% | +${points}个百分点 |`);
    expect(md).toMatch(/\| 1 \| 持续深化商事制度改革 \|.*\| \+1 已完成、−1 推进中、−1 逾期 \|/);
    expect(md).toContain('| 1.2.1 | 深化减证便民行动 | 推进中 → 已完成 | 市审批局、市司法局 |');

    const out = path.join(history.repo.dir, '汇总.xlsx');
    expect(history.cli('summary', '--month', '2020-10', '--out', out).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('状态变化')!;
    expect(sheet.getRow(3).values).toEqual([undefined, '编号', '具体措施', '状态变化', '责任部门']);
    expect(sheet.getCell(4, 1).value).toBe('1.2.1');
    expect(sheet.getCell(4, 3).value).toBe('推进中 → 已完成');
    const headline = workbook.getWorksheet('总体情况')!;
    expect(headline.getCell(3, 3).value).toBe('较上月');
    expect(String(headline.getCell(2, 1).value)).toContain('较上月：与 2020-09-25 的汇总相比');
  });
});
