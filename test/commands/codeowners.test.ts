import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeowners } from '../../src/commands/codeowners/run.js';
import { buildCodeowners, handles } from '../../src/core/review/codeowners.js';
import { tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const UNITS = `units:
  - name: 市审批局
    owner: "@city/shenpiju"
  - name: 市公安局
    owner: gongan-team, li.ming@example.com
  - name: 各县区
    members: [大武口区, 平罗县]
    owner: "@city/counties"
  - name: 大武口区
    owner: "@city/dawukou"
  - name: 平罗县
`;

describe('ledger codeowners', () => {
  it('maps each reporting unit’s report files to its owner handles, groups left out', () => {
    const built = buildCodeowners(
      [
        { name: '市审批局', owner: '@city/shenpiju' },
        { name: '各县区', members: ['大武口区'], owner: '@city/counties' },
        { name: '大武口区', owner: 'dawukou' },
        { name: '平罗县' },
      ],
      { ledgerOwner: '@city/office' },
    );
    const rules = built.text.split('\n').filter((line) => line.startsWith('/'));
    expect(rules).toEqual([
      '/ledger/ @city/office',
      '/reports/ @city/office',
      '/decisions/ @city/office',
      '/CODEOWNERS @city/office',
      '/reports/*/市审批局.yaml @city/shenpiju',
      '/decisions/市审批局/ @city/shenpiju',
      '/reports/*/大武口区.yaml @dawukou',
      '/decisions/大武口区/ @dawukou',
    ]);
    expect(built.missing).toEqual(['平罗县']);
    expect(handles('a, @b/c li@example.com')).toEqual(['@a', '@b/c', 'li@example.com']);
  });

  it('writes CODEOWNERS at the ledger root and reports whether it is up to date', async () => {
    const root = tempLedger({ 'ledger/units.yaml': UNITS });
    const first = await codeowners({ root });
    expect(first.written).toBe(true);
    const text = readFileSync(path.join(root, 'CODEOWNERS'), 'utf8');
    expect(text).toContain('/reports/*/市公安局.yaml @gongan-team li.ming@example.com');
    expect(text).not.toContain('各县区');
    expect((await codeowners({ root })).written).toBe(false);
    expect(runCli(['codeowners', '--check'], root).code).toBe(0);
    writeFileSync(path.join(root, 'CODEOWNERS'), '# 手工改过\n');
    const stale = runCli(['codeowners', '--check'], root);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('需要更新');
    expect(readFileSync(path.join(root, 'CODEOWNERS'), 'utf8')).toBe('# 手工改过\n');
  });

  it('refuses to write an empty CODEOWNERS when no unit has an owner', () => {
    const run = runCli(['codeowners'], tempLedger());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有任何单位填写了 owner');
  });

  it('an --output that is a folder is a usage error in Chinese, not an internal error', () => {
    const root = tempLedger({ 'ledger/units.yaml': UNITS });
    mkdirSync(path.join(root, 'out'));
    const run = runCli(['codeowners', '--output', 'out'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('它是文件夹，不是普通文件');
    expect(run.stderr).not.toContain('内部错误');
  });
});
