import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

function withRemark(extra: string): string {
  const at = SMALL_AREA.indexOf('id: "1.2.2"');
  const hit = SMALL_AREA.indexOf('remark: ""', at);
  return `${SMALL_AREA.slice(0, hit)}remark: ""\n${extra}${SMALL_AREA.slice(hit + 'remark: ""'.length)}`;
}

const EXTENSION = `        extensions:
          - requested_by: 市司法局
            requested_in: 2020-07
            until: 2020-12-31
            reason: 需要协调
            state: 待审批`;

const REPORT = `        unit_reports:
          市中级人民法院:
            month: 2020-07
            status: 推进中
            progress: 已建立机制
            evidence: [文件一, 文件二]`;

function repo() {
  const r = tempGitRepo();
  r.commit('导入', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA }, { date: '2020-06-01T09:00:00+08:00' });
  r.commit('申请延期', { [AREA]: withRemark(EXTENSION) }, { date: '2020-07-20T09:00:00+08:00' });
  r.commit(
    '批准延期并合并报送',
    {
      [AREA]: withRemark(
        `${EXTENSION.replace('state: 待审批', 'state: 已批准\n            decided_on: 2020-07-25')}\n${REPORT}`,
      ),
    },
    { date: '2020-07-25T09:00:00+08:00' },
  );
  return r;
}

describe('ledger history shows structured fields one by one with Chinese labels', () => {
  it('an extension that appears, then is decided; a unit report with a list', () => {
    const dir = repo().dir;
    const run = runCli(['history', '1.2.2'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  延期申请 › 第 1 项 › 申请单位：（无） → 市司法局');
    expect(lines).toContain('  延期申请 › 第 1 项 › 延期至：（无） → 2020-12-31');
    expect(lines).toContain('  延期申请 › 第 1 项 › 审批状态：待审批 → 已批准');
    expect(lines).toContain('  延期申请 › 第 1 项 › 审批日期：（无） → 2020-07-25');
    expect(lines).toContain('  各单位报送情况 › 市中级人民法院 › 佐证材料：（无） → 文件一、文件二');
    expect(run.stdout).not.toMatch(/requested_by|\{"|\[\{/);
    const json = JSON.parse(runCli(['history', '1.2.2', '--format', 'json'], dir).stdout);
    expect(json.entries[1].changes[0]).toMatchObject({
      field: 'extensions',
      after: [{ requested_by: '市司法局', state: '待审批' }],
    });
  });
});
