import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AreaSchema } from '../../src/core/model/schema.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { attachmentDocx, bundledAreas, divisionXlsx } from '../helpers/plan-inputs.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const SEED = path.join(REPO_ROOT, 'source/石政规发〔2020〕5号.txt');
const PLANS = path.join(REPO_ROOT, 'test/fixtures/plans');

/** A new repository from `ledger init`, holding the plan file. */
function freshRepo(name: string, bytes: Uint8Array | string): string {
  const parent = tempDir();
  expect(runCli(['init', '台账'], parent).code).toBe(0);
  const dir = path.join(parent, '台账');
  writeFileSync(path.join(dir, name), bytes);
  return dir;
}

function importThenStatus(dir: string, args: string[], title: string): void {
  const run = runCli(['import', ...args, '--new-units'], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/已写入 \d+ 个文件。/);
  expect(runCli(['validate'], dir).code).toBe(0);
  const status = runCli(['status'], dir);
  expect(status.code).toBe(0);
  expect(status.stdout).toContain(title);
  expect(status.stdout).not.toContain('示例主要指标');
}

describe('ledger import --new-units on a fresh ledger init repository', () => {
  it('the bundled source: unknown units listed once each without --new-units, then imported', () => {
    const dir = freshRepo('seed.txt', '');
    copyFileSync(SEED, path.join(dir, 'seed.txt'));
    const dry = runCli(['import', 'seed.txt', '--dry-run'], dir);
    expect(dry.code).toBe(1);
    const unknown = dry.stdout.split('\n').filter((l) => l.includes('[import/unknown-unit]'));
    const names = unknown.map((l) => /单位“(.+?)”/.exec(l)![1]);
    expect(new Set(names).size).toBe(names.length);
    expect(unknown.length).toBeGreaterThan(30);
    expect(unknown.length).toBeLessThan(80);
    importThenStatus(dir, ['seed.txt'], '持续深化商事制度改革');
    const heads = (root: string) =>
      readdirSync(path.join(root, 'ledger'))
        .filter((name) => /^\d+-/.test(name))
        .map((name) => AreaSchema.parse(parse(readFileSync(path.join(root, 'ledger', name), 'utf8'))))
        .map((a) => [a.title, a.lead, a.tasks.map((t) => [t.lead, t.measures.map((m) => m.deadline)])]);
    expect(heads(dir)).toEqual(heads(REPO_ROOT));
  });

  it('a Word table', async () => {
    const dir = freshRepo('plan.docx', await attachmentDocx(bundledAreas()));
    importThenStatus(dir, ['plan.docx'], '提升项目建设审批便利度');
  });

  it('an Excel 分工台账', async () => {
    const xlsx = await divisionXlsx('某区2021年分工台账', [
      { task: '一、优化审批', measure: '推行容缺受理。', leads: '区审批局', units: '区司法局', deadline: '6月底前' },
      { task: '一、优化审批', measure: '推行告知承诺。', leads: '区审批局', units: '司法局', deadline: '' },
    ]);
    const dir = freshRepo('plan.xlsx', xlsx);
    importThenStatus(dir, ['plan.xlsx', '--default-deadline', '2021年底前'], '优化审批');
  });

  it.each([
    ['district-three-levels.txt', '深化商事制度改革'],
    ['district-two-levels.txt', '加强事中事后监管'],
    ['county-points.txt', '强化法治保障'],
  ])('plan text %s', (name, title) => {
    const dir = freshRepo(name, '');
    copyFileSync(path.join(PLANS, name), path.join(dir, name));
    importThenStatus(dir, [name, '--default-deadline', '长期'], title);
  });
});
