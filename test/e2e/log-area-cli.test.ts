import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

function repo() {
  const r = tempGitRepo();
  r.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA },
    { date: '2020-06-01T09:00:00+08:00' },
  );
  const done = replaceOrThrow(SMALL_AREA, /(id: "1\.2\.2"[\s\S]*?status: )未启动/, '$1推进中');
  r.commit('合并 2020-07 报送', { [AREA]: done }, { date: '2020-07-25T10:00:00+08:00' });
  return r;
}

describe('ledger log --area: a number or a word from the title, as ledger overdue --area', () => {
  it('an area that does not exist is a usage error listing the areas', () => {
    const dir = repo().dir;
    for (const command of ['log', 'overdue']) {
      const run = runCli([command, '--area', '99'], dir);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toContain('--area “99”不是台账中的主要指标');
      expect(run.stderr, command).toContain('1 持续深化商事制度改革');
      expect(run.stdout, command).toBe('');
    }
  });

  it('accepts the number or a word from the title', () => {
    const dir = repo().dir;
    for (const area of ['1', '商事制度']) {
      const run = runCli(['log', '--area', area, '--format', 'json'], dir);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).changes.map((c: { id: string }) => c.id)).toEqual(['1.2.2']);
    }
    expect(runCli(['log', '--area', '不动产'], dir).code).toBe(2);
  });
});
