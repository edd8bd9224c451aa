import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/commands/import/run.js';
import { definitionOf } from '../../src/core/model/progress-fields.js';
import { AreaSchema } from '../../src/core/model/schema.js';
import { BUNDLED_UNITS, REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

const SOURCE = readFileSync(path.join(REPO_ROOT, 'source/石政规发〔2020〕5号.txt'));

function areaFiles(root: string): Record<string, unknown> {
  const dir = path.join(root, 'ledger');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => /^\d+-/.test(name))
      .map((name) => [name, definitionOf(AreaSchema.parse(parse(readFileSync(path.join(dir, name), 'utf8'))))]),
  );
}

describe('ledger import', () => {
  it('reproduces the committed ledger from the source document (progress fields aside)', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'source.txt': SOURCE });
    const result = await importLedger({ root, source: 'source.txt' });
    expect(result.diagnostics).toEqual([]);
    expect(areaFiles(root)).toEqual(areaFiles(REPO_ROOT));
  });

  it('writes the committed area files byte for byte', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'source.txt': SOURCE });
    await importLedger({ root, source: 'source.txt' });
    const names = readdirSync(path.join(REPO_ROOT, 'ledger')).filter((name) => /^\d+-/.test(name));
    expect(names).toHaveLength(14);
    for (const name of names)
      expect(readFileSync(path.join(root, 'ledger', name), 'utf8')).toBe(
        readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8'),
      );
  });

  it('finds the whole attachment: 14 areas, 43 tasks, 179 measures and their deadline forms', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'source.txt': SOURCE });
    const { areas } = await importLedger({ root, source: 'source.txt', dryRun: true });
    const measures = areas.flatMap((a) => a.tasks.flatMap((t) => t.measures));
    expect([areas.length, areas.reduce((n, a) => n + a.tasks.length, 0), measures.length]).toEqual([14, 43, 179]);
    const byDeadline = Object.fromEntries(
      [...new Set(measures.map((m) => m.deadline))].map((d) => [d, measures.filter((m) => m.deadline === d).length]),
    );
    expect(byDeadline).toEqual({
      '2020年底前': 124,
      长期: 35,
      '2020年6月底前': 10,
      '2021年底前': 5,
      适时: 1,
      '2020年8月底前': 1,
      '2020年11月底前': 1,
      '2020年6月底、7月底前': 1,
      '2020年6月底、10月底前': 1,
    });
  });

  it('keeps progress already recorded when importing again', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'source.txt': SOURCE });
    await importLedger({ root, source: 'source.txt' });
    const file = path.join(root, 'ledger/01-持续深化商事制度改革.yaml');
    const withProgress = readFileSync(file, 'utf8').replace(
      'status: 未启动\n        progress: ""',
      'status: 推进中\n        progress: 已完成系统改造',
    );
    writeFileSync(file, withProgress);
    const again = await importLedger({ root, source: 'source.txt' });
    expect(again.kept).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('progress: 已完成系统改造');
  });

  it('refuses, writing nothing, when a measure with progress would disappear', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'source.txt': SOURCE });
    await importLedger({ root, source: 'source.txt' });
    const file = path.join(root, 'ledger/01-持续深化商事制度改革.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('id: 1.1.1\n', 'id: 1.1.9\n').replace('status: 未启动', 'status: 已完成'),
    );
    const before = snapshotTree(root);
    const result = await importLedger({ root, source: 'source.txt' });
    expect(result.diagnostics.map((d) => d.code)).toContain('import/would-drop-progress');
    expect(result.written).toBe(false);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('--check passes on the bundled ledger and fails on an edited definition', async () => {
    expect(runCli(['import', '--check'], REPO_ROOT).code).toBe(0);
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'source.txt': SOURCE });
    await importLedger({ root, source: 'source.txt' });
    const file = path.join(root, 'ledger/02-提升项目建设审批便利度.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('2020年底前', '2021年底前'));
    const run = runCli(['import', 'source.txt', '--check'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ledger/02-提升项目建设审批便利度.yaml: 错误 [import/out-of-date]');
  });
});
