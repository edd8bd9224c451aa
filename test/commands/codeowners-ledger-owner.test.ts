import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerOwnerOf } from '../../src/core/review/codeowners.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

describe('ledger codeowners keeps the ledger owner it was given', () => {
  it('--ledger-owner once; then --check and a plain re-run agree with the file', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA });
    const first = runCli(['codeowners', '--ledger-owner', '@szs/office'], repo.dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const text = readFileSync(path.join(repo.dir, 'CODEOWNERS'), 'utf8');
    expect(text).toContain('/ledger/ @szs/office');
    const check = runCli(['codeowners', '--check'], repo.dir);
    expect(check.stdout).toContain('已是最新');
    expect(check.code).toBe(0);
    const again = runCli(['codeowners'], repo.dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('沿用');
    expect(readFileSync(path.join(repo.dir, 'CODEOWNERS'), 'utf8')).toBe(text);
  });

  it('reads the owner only from a file this tool generated', () => {
    const generated =
      '# 由 ledger codeowners 根据 ledger/units.yaml 中的 owner 生成；请勿手工修改，改名录后重新运行。\n\n/city/ledger/ @a/b @c\n';
    expect(ledgerOwnerOf(generated, 'city/')).toBe('@a/b @c');
    expect(ledgerOwnerOf(generated, '')).toBeUndefined();
    expect(ledgerOwnerOf('/ledger/ @x\n')).toBeUndefined();
  });

  it('with no owner anywhere, --check and the plain run both say how to add owner: to units.yaml', () => {
    const root = tempLedger();
    const check = runCli(['codeowners', '--check'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).not.toContain('需要更新：运行 ledger codeowners');
    expect(check.stdout).toMatch(/- name: \S+\n\s+owner: "@/);
    const run = runCli(['codeowners'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/- name: \S+\n\s+owner: "@/);
    expect(run.stderr).toContain('--ledger-owner');
  });
});
