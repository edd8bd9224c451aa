import { describe, expect, it } from 'vitest';
import { tempLedger } from '../helpers/ledger-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

describe('ledger validate (end to end)', () => {
  it('accepts a valid ledger and exits 0', () => {
    const run = runCli(['validate'], tempLedger());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('没有发现问题');
    expect(run.stdout).toContain('5 项具体措施');
  });

  it('exits 2 with a Chinese message in a folder without a ledger', () => {
    const run = runCli(['validate'], tempDir({ 'notes.txt': 'x' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到台账目录');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
