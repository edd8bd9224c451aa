import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

describe('ledger without a command', () => {
  it('prints the help to stdout and exits 0, like ledger --help', () => {
    const bare = runCli([], tempDir());
    expect(bare.stderr).toBe('');
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('命令：');
    expect(bare.stdout).toContain('status');
    expect(bare.stdout).toBe(runCli(['--help'], tempDir()).stdout);
  });
});
