import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTargets } from '../../scripts/bench/plan.mjs';
import { benchmarksMarkdown, NOTES_MARKER } from '../../scripts/bench/report.mjs';
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
    expect(written).toContain('| node -e 0 | — | 60 ms | 55 ms – 70 ms | 1 | 39 MB |');
    expect(written).toContain('| ledger merge | 1,000 项 | 不可用（命令尚未实现） |');
    expect(written.split(NOTES_MARKER)[1]).toBe('\n\n## 分析\n\n手写的说明。\n');
  });
});
