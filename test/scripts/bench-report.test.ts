import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTargets } from '../../scripts/bench/plan.mjs';
import { benchmarksMarkdown, NOTES_MARKER, scalingChecks } from '../../scripts/bench/report.mjs';
import { tempDir } from '../helpers/temp-dir.js';

const ok = (id: string, fields: Record<string, unknown>) => ({ id, state: 'ok', ms: [1], ...fields });

describe('npm run bench: targets and BENCHMARKS.md', () => {
  it('judges each target from the measured rows and says by how much one is missed', () => {
    const targets = evaluateTargets([
      ok('status-bundled', { median: 250, floorMedian: 100, ratio: 2.5 }),
      ok('validate-100000', { median: 30_000, floorMedian: 20_000, ratio: 1.5, peakKB: 900 * 1024 }),
      ok('render-10000', { median: 16_000, peakKB: 200 * 1024 }),
    ]);
    const byName = (part: string) => targets.find((t) => t.name.includes(part))!;
    expect(byName('有缓存')).toMatchObject({ met: false, miss: '超出 25%（多 50 ms）' });
    expect(byName('首次').met).toBeUndefined();
    expect(byName('YAML 解析基准')).toMatchObject({ met: true, measured: '1.50×（30.0 s 对 20.0 s）' });
    expect(byName('峰值内存 < 1 GB')).toMatchObject({ met: true, measured: '900 MB' });
    expect(byName('< 15 s')).toMatchObject({ met: false, miss: '超出 7%' });
    expect(byName('512 MB')).toMatchObject({ met: true });
    expect(byName('merge').met).toBeUndefined();
  });

  it('judges merge against validate and summary xlsx against half the ledger', () => {
    const targets = evaluateTargets([
      ok('validate-100000', { median: 40_000, floorMedian: 30_000, ratio: 1.33, peakKB: 600 * 1024 }),
      ok('merge-100000', { median: 64_000, peakKB: 700 * 1024 }),
      ok('summary-xlsx-50000', { median: 4_000 }),
      ok('summary-xlsx-100000', { median: 8_400 }),
      ok('log-merges', { median: 2_500 }),
    ]);
    const byName = (part: string) => targets.find((t) => t.name.includes(part))!;
    expect(byName('≤ 1.5 × `ledger validate`')).toMatchObject({ met: false, measured: '1.60×（64.0 s 对 40.0 s）' });
    expect(byName('线性')).toMatchObject({ met: true, measured: '2.10×（8400 ms 对 4000 ms）' });
    expect(byName('月度合并')).toMatchObject({ met: true, measured: '2.5 s' });
  });

  it('flags a command whose time more than 2.3× when the ledger doubles', () => {
    const row = (key: string, n: number, median: number) =>
      ok(`${key}-${n}`, { label: key, size: `${n} 项`, median, scale: { key, n } });
    const checks = scalingChecks([
      row('validate', 50_000, 10_000),
      row('validate', 100_000, 21_000),
      row('summary-xlsx', 50_000, 4_000),
      row('summary-xlsx', 100_000, 16_000),
      row('merge', 10_000, 1_000),
      row('merge', 100_000, 10_000),
    ]);
    expect(checks.map((c) => [c.label, c.ratio, c.flagged])).toEqual([
      ['validate', 2.1, false],
      ['summary-xlsx', 4, true],
    ]);
  });

  it('judges ledger site against 3 s (bundled), 60 s and 512 MB (10,000 measures)', () => {
    const targets = evaluateTargets([
      ok('site-bundled', { median: 2_100 }),
      ok('site-10000', { median: 61_000, peakKB: 300 * 1024 }),
    ]);
    const site = targets.filter((t) => t.name.includes('ledger site'));
    expect(site.map((t) => [t.met, t.measured])).toEqual([
      [true, '2100 ms'],
      [false, '61.0 s'],
      [true, '300 MB'],
    ]);
  });

  it('rewrites the generated part and keeps the hand-written notes below the marker', () => {
    const file = path.join(tempDir({}), 'BENCHMARKS.md');
    writeFileSync(file, `# old figures\n${NOTES_MARKER}\n\n## 分析\n\n手写的说明。\n`);
    const rows = [
      ok('node0', { label: 'node -e 0', size: '—', median: 60, min: 55, max: 70, peakKB: 40_000 }),
      { id: 'merge-1000', label: 'ledger merge', size: '1,000 项', state: 'unavailable' },
    ];
    const text = benchmarksMarkdown({
      machine: { CPU: 'Test CPU，2 核' },
      startedAt: '2020-07-25 08:00 UTC',
      totalMs: 1000,
      rows,
      targets: [],
      fixtures: ['1,000 项'],
      profiles: [],
      file,
    });
    writeFileSync(file, text);
    const written = readFileSync(file, 'utf8');
    expect(written).not.toContain('old figures');
    expect(written).toContain('- CPU：Test CPU，2 核');
    expect(written).toContain('| node -e 0 | — | — | 60 ms | — | 55 ms – 70 ms | 1 | 39 MB |');
    expect(written).toContain('| ledger merge | 1,000 项 | — | 不可用（命令尚未实现） |');
    expect(written.split(NOTES_MARKER)[1]).toBe('\n\n## 分析\n\n手写的说明。\n');
  });
});
