import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDeadline } from '../../src/core/model/init-files.js';
import { dayAt } from '../../src/core/model/ledger-version.js';
import { clockNow } from '../../src/io/clock.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('a new ledger from ledger init starts green', () => {
  it('the example measure is due at the end of the next year', () => {
    expect(exampleDeadline('2020-06-01')).toBe('2021年底前');
    expect(exampleDeadline('2026-12-31')).toBe('2027年底前');
  });

  it('validate and status pass in the new repository, nothing overdue', () => {
    const parent = tempDir();
    const init = runCli(['init', '台账'], parent);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('npm install');
    expect(init.stdout).toContain('npx ledger validate');
    const dir = path.join(parent, '台账');
    const area = readFileSync(path.join(dir, 'ledger/01-示例主要指标.yaml'), 'utf8');
    expect(area).toContain(`deadline: ${exampleDeadline(dayAt(Math.floor(clockNow() / 1000), '+08:00'))}`);
    const validate = runCli(['validate'], dir);
    expect(validate.code).toBe(0);
    const status = runCli(['status', '--format', 'json'], dir);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout);
    expect(json.problems).toBe(0);
    expect(
      json.rows.map((r: { overdue: number; dueSoon: number; light: string }) => [r.overdue, r.dueSoon, r.light]),
    ).toEqual([[0, 0, '绿']]);
    expect(runCli(['overdue', '--fail-on', 'overdue'], dir).code).toBe(0);
  });
});
