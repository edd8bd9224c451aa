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

describe('commander text in Chinese', () => {
  it('suggests a command or option in Chinese', () => {
    const command = runCli(['stauts'], tempDir());
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('错误：未知命令 stauts\n（是否要输入 status？）');
    const option = runCli(['status', '--unti', '平罗县'], tempDir());
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('错误：未知选项 --unti\n（是否要输入 --unit？）');
    expect(command.stderr + option.stderr).not.toContain('Did you mean');
  });

  it('writes usage lines as 用法：ledger [选项] [命令]', () => {
    const help = runCli(['--help'], tempDir()).stdout;
    expect(help.split('\n')[0]).toBe('用法：ledger [选项] [命令]');
    expect(help).toContain('  status [选项]  ');
    expect(runCli(['show', '--help'], tempDir()).stdout.split('\n')[0]).toBe('用法：ledger show [选项] <id>');
    for (const command of ['status', 'render', 'merge', 'help']) {
      expect(runCli([command, '--help'], tempDir()).stdout, command).not.toMatch(/\[options\]|\[command\]|Usage:/);
    }
  });
});
