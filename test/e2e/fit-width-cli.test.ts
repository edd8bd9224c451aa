import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src/render/fold.js';
import { displayWidth } from '../../src/render/text-width.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { runCliBatch } from '../helpers/run-cli-batch.js';
import { sixMonthRepo } from '../helpers/six-month-repo.js';

const WIDTHS = [60, 80, 120, 200];

/** Every terminal view (COLUMNS stands in for the terminal), on a day where each has something to show. */
const VIEWS: readonly (readonly string[])[] = [
  ['status', '--as-of', '2020-12-25'],
  ['status', '--unit', '市税务局', '--as-of', '2020-12-25'],
  ['status', '--unit', '平罗县', '--as-of', '2020-12-25'],
  ['status', '--lead', '市审批局', '--as-of', '2020-12-25'],
  ['status', '--by', 'unit', '--as-of', '2020-12-25'],
  ['status', '--by', 'lead', '--as-of', '2020-12-25'],
  ['overdue', '--within', '30', '--as-of', '2020-12-25'],
  ['show', '5.1.1', '--as-of', '2020-12-25'],
  ['show', '1.1.1', '--as-of', '2020-12-25'],
  ['missing', '--month', '2020-12'],
  ['validate'],
  ['log'],
  ['history', '5.1.1'],
];
/** Only the six-month repository has unmerged reports to preview. */
const MERGE = ['merge', '--dry-run', 'reports/2020-12', '--as-of', '2020-12-24'];

const tooWide = (text: string, width: number) => text.split('\n').filter((line) => displayWidth(line) > width);

/**
 * Every view at every width, run by the built CLI in one process per repository (runCliBatch: these are
 * checks of the layout, not of the process; the tests below and terminal-width-cli spawn it for real).
 */
async function runAtWidths(dir: string, views: readonly (readonly string[])[]): Promise<Map<string, CliRun[]>> {
  const runs = views.flatMap((args) => WIDTHS.map((width) => ({ args, env: { COLUMNS: String(width) } })));
  const results = await runCliBatch(runs, dir);
  return new Map(views.map((args, i) => [args.join(' '), results.slice(i * WIDTHS.length, (i + 1) * WIDTHS.length)]));
}

function expectFits(runs: readonly CliRun[] | undefined, args: readonly string[]) {
  expect(runs, `ledger ${args.join(' ')} was run`).toHaveLength(WIDTHS.length);
  for (const [i, width] of WIDTHS.entries()) {
    const run = runs![i]!;
    expect(run.stderr, `ledger ${args.join(' ')}`).toBe('');
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(tooWide(run.stdout, width), `ledger ${args.join(' ')} at ${width} columns`).toEqual([]);
    // folded lines never start with closing punctuation
    expect(run.stdout, `ledger ${args.join(' ')} at ${width}`).not.toMatch(/\n\s*[、，。；）]/);
  }
}

describe('every terminal view fits the terminal (bundled ledger)', () => {
  // The bundled 2020 plan was committed later: its 2020 days are read from the work tree (--worktree).
  const views = VIEWS.map((args) => (args.includes('--as-of') ? [...args, '--worktree'] : args));
  let outputs = new Map<string, CliRun[]>();
  beforeAll(async () => void (outputs = await runAtWidths(REPO_ROOT, views)), 600_000);
  it.each(VIEWS.map((args, i) => [args.join(' '), views[i]!] as const))('ledger %s', (_name, args) => {
    expectFits(outputs.get(args.join(' ')), args);
  });
});

describe('every terminal view fits the terminal (six months of reports)', () => {
  // Built once for the whole group, in a folder of its own (tempDir's folders are removed after each test).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-six-months-'));
  const views = [...VIEWS, MERGE];
  let outputs = new Map<string, CliRun[]>();
  beforeAll(async () => {
    await sixMonthRepo(dir);
    outputs = await runAtWidths(dir, views);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(views.map((args) => [args.join(' '), args] as const))('ledger %s', (name, args) => {
    expectFits(outputs.get(name), args);
  });

  it('drops low-value columns in the stated order and says so', () => {
    const narrow = runCli(['status', '--as-of', '2020-12-25'], dir, { COLUMNS: '80' }).stdout;
    expect(narrow).toContain('略去“长期/适时”“未启动”列');
    expect(narrow).toContain('│ 状态灯 │');
    const overdue = runCli(['overdue', '--as-of', '2020-12-25'], dir, { COLUMNS: '60' }).stdout;
    expect(overdue).toContain('略去“牵头单位”“责任单位”列');
    const wide = runCli(['status', '--as-of', '2020-12-25'], dir, { COLUMNS: '200' }).stdout;
    expect(wide).not.toContain('略去');
    expect(wide).toContain('长期/适时');
  });

  it('folds log lines under the id, keeping hashes and dates whole', () => {
    const log = runCli(['log'], dir, { COLUMNS: '60' }).stdout;
    const lines = log.split('\n');
    expect(lines.some((line) => line.startsWith(' '.repeat(12)))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/(^|\s)[0-9a-f]{1,6}$/);
    expect(log).toMatch(/^\d{4}-\d{2}-\d{2} {2}/m);
  });
});

describe('foldText', () => {
  it('never breaks an id, a date, a hash or a path, and never starts a line with closing punctuation', () => {
    const text =
      '2020-07-24  1.1.1   未启动 → 已完成  优化企业开办（线上）服务；好的、和其他。 —— 王芳 1dbb1f4 见 reports/2020-07/市审批局.yaml。';
    for (let width = 12; width <= 60; width++) {
      const lines = foldText(text, width, { indent: '  ' }).split('\n');
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(line.trimStart()).not.toMatch(/^[、，。；）]/);
      }
      const joined = lines.map((l) => l.trim()).join('\n');
      for (const whole of ['2020-07-24', '1.1.1', '1dbb1f4']) expect(joined, `${whole} at ${width}`).toContain(whole);
      // a path wider than a whole line is the one thing that is broken (between characters)
      if (width >= 40) expect(joined).toContain('reports/2020-07/市审批局.yaml');
    }
  });
});
