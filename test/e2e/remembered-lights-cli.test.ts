import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLightsRepo, type LightsRepo } from '../helpers/lights-repo.js';
import { runLogged } from '../helpers/loaded-modules.js';
import { prefetchCli } from '../helpers/run-cli-batch.js';
import { LIGHT_FILLS } from '../../src/render/summary-xlsx.js';

interface Row {
  area?: number;
  unit?: string;
  light: string;
  overdue: number;
  caughtUp: number;
  redMonths?: number;
}
interface Status {
  rows: Row[];
  total: Row;
  monthEnds?: string[];
}

/** JSON output without the version it names (the one thing that differs between then and now). */
function figures(stdout: string): unknown {
  const { version, ...rest } = JSON.parse(stdout) as { version?: unknown };
  expect(version).toBeDefined();
  return rest;
}

const statusJson = (day: string, by: string) => ['status', '--as-of', day, '--by', by, '--format', 'json'];
const MONTH_ENDS = ['2020-07-31', '2020-08-31', '2020-09-30', '2020-10-31', '2020-11-30'];
const QUERIES: string[][] = [
  ...['2020-07-31', '2020-08-31', '2020-09-15', '2020-09-30', '2020-11-30'].map((day) => statusJson(day, 'area')),
  ...['2020-08-31', '2020-09-30'].map((day) => statusJson(day, 'unit')),
  ['status', '--as-of', '2020-08-31'],
  ['status', '--as-of', '2020-09-30'],
  ['status', '--as-of', '2020-09-30', '--by', 'unit'],
  ['status', '--as-of', '2020-09-30', '--unit', '司法局'],
  ['summary', '--month', '2020-08', '--format', 'json'],
  ['summary', '--month', '2020-08', '--format', 'md', '--out', '-'],
  ['summary', '--month', '2020-10', '--format', 'json'],
  ['summary', '--month', '2020-10', '--format', 'md', '--out', '-'],
  // the month ends as recorded (lights-repo.ts), asked again from the late checkout
  ...MONTH_ENDS.flatMap((day) =>
    ['area', 'unit'].map((by) => ['status', '--by', by, '--format', 'json', '--as-of', day]),
  ),
];

describe('lights that remember: 黄（补齐） and 连续 N 个月红灯, from month ends as committed', () => {
  let lights: LightsRepo;
  const status = (day: string, by = 'area') => {
    const run = lights.cli('status', '--as-of', day, '--by', by, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Status;
  };
  const area = (s: Status, n: number) => s.rows.find((r) => r.area === n)!;
  const unit = (s: Status, name: string) => s.rows.find((r) => r.unit === name)!;
  beforeAll(async () => {
    const built = buildLightsRepo();
    // The questions the tests only read answers to, put to one batch process; the rest spawn the CLI.
    lights = { ...built, cli: await prefetchCli(built.repo.dir, QUERIES) };
  }, 120_000);
  afterAll(() => lights.remove());

  it('a measure overdue at July’s end and done in August is 黄（补齐） in August, 绿 again at September’s end', async () => {
    const july = status('2020-07-31');
    expect(area(july, 2)).toMatchObject({ light: '红', overdue: 1, caughtUp: 0 });
    const august = status('2020-08-31');
    expect(august.monthEnds?.[0]).toBe('2020-07-31');
    expect(area(august, 2)).toMatchObject({ light: '黄', overdue: 0, caughtUp: 1 });
    expect(unit(status('2020-08-31', 'unit'), '市审批局')).toMatchObject({ light: '黄', caughtUp: 1 });
    const text = lights.cli('status', '--as-of', '2020-08-31').stdout;
    expect(text).toMatch(/│ 2 +│ 提升项目建设审批便利度 │.*│ 黄（补齐） │/);
    expect(text).toContain('补齐 1 项：上月末（2020-07-31）逾期、现已完成');
    expect(area(status('2020-09-30'), 2)).toMatchObject({ light: '绿', caughtUp: 0 });
    const summary = JSON.parse(lights.cli('summary', '--month', '2020-08', '--format', 'json').stdout) as {
      areas: { rows: Row[] };
    };
    expect(summary.areas.rows.find((r) => r.area === 2)).toMatchObject({ light: '黄', caughtUp: 1 });
    const md = lights.cli('summary', '--month', '2020-08', '--format', 'md', '--out', '-').stdout;
    expect(md).toMatch(/\| 2 \| 提升项目建设审批便利度 \|.*\| 🟡 黄（补齐） \|/);
    const out = path.join(lights.repo.dir, '汇总-2020-08.xlsx');
    expect(lights.cli('summary', '--month', '2020-08', '--out', out).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('各主要指标')!;
    const row = [4, 5].find((r) => sheet.getCell(r, 1).value === 2)!;
    expect(sheet.getCell(row, 11).value).toBe('黄（补齐）');
    expect((sheet.getCell(row, 11).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(LIGHT_FILLS['黄']);
  });

  it('an area and a unit red at three consecutive month ends show 连续 3 个月红灯', () => {
    expect(area(status('2020-07-31'), 1).redMonths).toBeUndefined();
    expect(area(status('2020-08-31'), 1).redMonths).toBe(2);
    const september = status('2020-09-30');
    expect(area(september, 1)).toMatchObject({ light: '红', redMonths: 3 });
    expect(area(september, 2).redMonths).toBeUndefined();
    expect(unit(status('2020-09-30', 'unit'), '市司法局')).toMatchObject({ light: '红', redMonths: 3 });
    expect(lights.cli('status', '--as-of', '2020-09-30').stdout).toContain(
      '红灯预警：1. 持续深化商事制度改革 连续 3 个月红灯。',
    );
    expect(lights.cli('status', '--as-of', '2020-09-30', '--by', 'unit').stdout).toContain('市司法局 连续 3 个月红灯');
    expect(lights.cli('status', '--as-of', '2020-09-30', '--unit', '司法局').stdout).toContain(
      '红灯预警：市司法局 连续 3 个月红灯。',
    );
    // Mid-month only past month ends count: July and August.
    expect(area(status('2020-09-15'), 1).redMonths).toBe(2);
    // Done in November: 补齐 at November's end, no longer red.
    expect(area(status('2020-11-30'), 1)).toMatchObject({ light: '黄', caughtUp: 1 });
    expect(area(status('2020-11-30'), 1).redMonths).toBeUndefined();
  });

  it('the October summary names the streak in the area table, the 通报 ranking and the Word 通报', async () => {
    const md = lights.cli('summary', '--month', '2020-10', '--format', 'md', '--out', '-').stdout;
    expect(md).toMatch(/\| 1 \| 持续深化商事制度改革 \|.*\| 🔴 红（连续 3 个月红灯） \|/);
    expect(md).toMatch(/\| 预警 \|\n/);
    expect(md).toMatch(/\| 市司法局 \|.*\| 连续 3 个月红灯 \|/);
    const json = JSON.parse(lights.cli('summary', '--month', '2020-10', '--format', 'json').stdout) as {
      areas: { rows: Row[] };
      ranking: Row[];
    };
    expect(json.areas.rows.find((r) => r.area === 1)!.redMonths).toBe(3);
    expect(json.ranking.find((r) => r.unit === '市司法局')!.redMonths).toBe(3);
    const out = path.join(lights.repo.dir, '通报.docx');
    expect(lights.cli('summary', '--month', '2020-10', '--format', 'docx', '--out', out).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    // The Word 通报 says it in its opening paragraph (as the Markdown does); its cells stay short.
    expect(xml).toContain('红灯预警：主要指标一，市司法局连续3个月红灯。');
    expect(md).toContain('红灯预警：主要指标一，市司法局连续3个月红灯。');
  });

  it('today’s status remembers through .git/ledger/lights-cache.json: warm, it parses no past version', () => {
    expect(runLogged(['status'], lights.repo.dir).code).toBe(0);
    // The work tree's ledger now comes from its cache; without the lights cache last month's version is parsed.
    rmSync(path.join(lights.repo.dir, '.git/ledger/lights-cache.json'));
    const cold = runLogged(['status', '--format', 'json'], lights.repo.dir);
    expect(cold.code).toBe(0);
    expect(cold.sources).toContain('node_modules/yaml');
    const warm = runLogged(['status', '--format', 'json'], lights.repo.dir);
    expect(warm.stdout).toBe(cold.stdout);
    expect((JSON.parse(warm.stdout) as Status).monthEnds!.length).toBeGreaterThan(0);
    expect([...warm.sources].filter((s) => /^node_modules\/(yaml|zod)$/.test(s))).toEqual([]);
  });

  it('status --as-of a month end from the late checkout equals what status said at that month end', () => {
    expect(lights.moments.length).toBe(10);
    // What was said then already remembered: September's end knew July's and August's.
    const then = lights.moments.find((m) => m.day === '2020-09-30' && m.args.includes('area'))!;
    expect(area(JSON.parse(then.stdout) as Status, 1).redMonths).toBe(3);
    for (const moment of lights.moments) {
      const now = lights.cli(...moment.args, '--as-of', moment.day);
      expect(now.code).toBe(0);
      expect(figures(now.stdout), `${moment.day} ${moment.args.join(' ')}`).toEqual(figures(moment.stdout));
    }
  });
});
