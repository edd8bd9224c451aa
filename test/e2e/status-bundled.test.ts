import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Figures checked against the source document itself, read here with plain
 * regular expressions (not with the ledger's parser): each measure line of the
 * attachment carries “（完成时限：…）”; area headings are 一、二、…; tasks “N.”.
 */
/** The source document as bundled in the repository (same bytes as the seed text). */
const SEED = path.join(REPO_ROOT, 'source/石政规发〔2020〕5号.txt');
const SEED_TEXT = readFileSync(SEED, 'utf8');

interface SeedMeasure {
  id: string;
  area: number;
  deadline: string;
  /** Last day of the first milestone, or undefined for 长期/适时. */
  firstDue?: string;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(text: string): number {
  if (text.length === 1) return text === '十' ? 10 : DIGITS[text]!;
  return text[0] === '十' ? 10 + DIGITS[text[1]!]! : DIGITS[text[0]!]! * 10 + (DIGITS[text[2] ?? ''] ?? 0);
}

function firstDue(deadline: string): string | undefined {
  const match = /^(\d{4})年?(?:(\d{1,2})月)?底/.exec(deadline);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 12;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function seedMeasures(): SeedMeasure[] {
  const attachment = SEED_TEXT.slice(SEED_TEXT.indexOf('\n附件\n'));
  const out: SeedMeasure[] = [];
  let area = 0;
  let task = 0;
  for (const line of attachment.split('\n')) {
    const heading = /^([一二三四五六七八九十]+)、/.exec(line);
    if (heading) area = chineseNumber(heading[1]!);
    const taskLine = /^(\d+)\.\S/.exec(line);
    if (taskLine) task = Number(taskLine[1]);
    const deadline = /完成时限[:：]([^)）]+)/.exec(line);
    const number = /^(\d+)/.exec(line);
    if (deadline && number && !taskLine) {
      out.push({ id: `${area}.${task}.${number[1]}`, area, deadline: deadline[1]!, firstDue: firstDue(deadline[1]!) });
    }
  }
  return out;
}

const SEED_MEASURES = seedMeasures();
const overdueOn = (asOf: string, area?: number) =>
  SEED_MEASURES.filter((m) => m.firstDue !== undefined && m.firstDue < asOf && (area === undefined || m.area === area))
    .length;

function statusJson(asOf: string) {
  const run = runCli(['status', '--as-of', asOf, '--worktree', '--format', 'json'], REPO_ROOT);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as {
    total: Record<string, number | string>;
    rows: { area: number; overdue: number; measures: number }[];
  };
}

describe('ledger status on the bundled ledger, against the document', () => {
  it('reads the document as 179 measures, 36 of them 长期/适时', () => {
    expect(SEED_MEASURES).toHaveLength(179);
    expect(SEED_MEASURES.filter((m) => m.firstDue === undefined)).toHaveLength(36);
  });

  for (const asOf of ['2020-07-15', '2020-12-01', '2021-01-05']) {
    it(`counts overdue measures on ${asOf} as the document's deadlines say (nothing done yet)`, () => {
      const result = statusJson(asOf);
      expect(result.total).toMatchObject({ measures: 179, done: 0, ongoing: 36, overdue: overdueOn(asOf) });
      for (const row of result.rows) {
        expect({ area: row.area, overdue: row.overdue }).toEqual({
          area: row.area,
          overdue: overdueOn(asOf, row.area),
        });
        expect(row.measures).toBe(SEED_MEASURES.filter((m) => m.area === row.area).length);
      }
    });
  }

  it('has the expected headline figures', () => {
    expect(overdueOn('2020-07-15')).toBe(12);
    expect(overdueOn('2020-12-01')).toBe(14);
    expect(overdueOn('2021-01-05')).toBe(138);
    const dueSoon = SEED_MEASURES.filter(
      (m) => m.firstDue !== undefined && m.firstDue >= '2020-12-01' && m.firstDue <= '2020-12-31',
    ).length;
    expect(statusJson('2020-12-01').total.dueSoon).toBe(dueSoon);
  });

  it('lists on 2020-07-01 exactly the measures with a 2020年6月底 milestone', () => {
    const run = runCli(
      ['overdue', '--as-of', '2020-07-01', '--worktree', '--format', 'json', '--fail-on', 'overdue'],
      REPO_ROOT,
    );
    expect(run.code).toBe(1);
    const ids = (JSON.parse(run.stdout) as { items: { id: string }[] }).items.map((i) => i.id).sort();
    const june = SEED_MEASURES.filter((m) => /^2020年?6月底/.test(m.deadline))
      .map((m) => m.id)
      .sort();
    expect(june.length).toBeGreaterThan(0);
    expect(ids).toEqual(june);
  });

  it('does not load exceljs for ledger status', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const { main } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/cli.js'))});
      const code = await main(['node', 'ledger', 'status', '--as-of', '2020-07-15', '--worktree']);
      const excel = Object.keys(require.cache).filter((k) => k.includes('exceljs')).length;
      process.stderr.write(JSON.stringify({ code, excel }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(JSON.parse(run.stderr)).toEqual({ code: 0, excel: 0 });
  });
});
