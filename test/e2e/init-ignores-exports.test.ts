import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { runCliBatch } from '../helpers/run-cli-batch.js';

describe('exports in a repository made by ledger init', () => {
  it('are written to the current folder and never staged by git add -A', async () => {
    const dir = path.join(tempDir(), '台账');
    expect(runCli(['init', dir], path.dirname(dir)).code).toBe(0);
    // The exports, one after the other in one process (runCliBatch): each writes its file as it would alone.
    const exports = [
      ['render', '--as-of', '2020-07-25'],
      ['render', '--format', 'md', '--as-of', '2020-07-25'],
      ['summary', '--month', '2020-07'],
      ['summary', '--month', '2020-07', '--format', 'md'],
      ['summary', '--month', '2020-07', '--format', 'docx'],
      ['summary', '--quarter', '2020Q3'],
      ['summary', '--quarter', '2020Q3', '--format', 'md'],
      ['summary', '--quarter', '2020Q3', '--format', 'docx'],
      ['template', '--unit', '市审批局', '--month', '2020-07', '--format', 'xlsx'],
    ];
    const runs = await runCliBatch(
      exports.map((args) => ({ args })),
      dir,
    );
    for (const [i, run] of runs.entries()) {
      expect(run.stderr, exports[i]!.join(' ')).toBe('');
      expect(run.code, exports[i]!.join(' ')).toBe(0);
    }
    mkdirSync(path.join(dir, 'exports'));
    writeFileSync(path.join(dir, 'exports/台账.pdf'), 'pdf');
    for (const file of [
      '台账-2020-07-25.xlsx',
      '台账-2020-07-25.md',
      '月度汇总-2020-07.xlsx',
      '月度汇总-2020-07.md',
      '月度汇总-2020-07.docx',
      '季度报告-2020Q3.xlsx',
      '季度报告-2020Q3.md',
      '季度报告-2020Q3.docx',
      '市审批局-2020-07-报送表.xlsx',
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    const staged = execFileSync('git', ['-c', 'core.quotePath=false', 'add', '-A', '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(staged).toContain('ledger/units.yaml');
    expect(staged).not.toMatch(/台账-|月度汇总-|季度报告-|报送表|exports/);
  });
});
