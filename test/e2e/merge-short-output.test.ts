import { describe, expect, it } from 'vitest';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

describe('ledger merge prints what changes', () => {
  it('by default: status changes, new requests, one line per quiet unit, a total; re-merging a month skips it', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
    repo.commit(
      '7 月报送',
      {
        'reports/2020-07/市审批局.yaml': reportYaml(
          '市审批局',
          '2020-07',
          entry('1.1.2', '已完成', '一窗办理', 'completed_on: 2020-07-10') +
            entry('1.2.1', '推进中', '清单已公布', 'extension: { until: 2020-10-31, reason: 省级审定 }'),
        ),
        'reports/2020-07/市公安局.yaml': reportYaml(
          '市公安局',
          '2020-07',
          entry('1.1.1', '未启动', '准备中') + entry('1.1.2', '已完成', '印章刻制进驻', 'completed_on: 2020-07-12'),
        ),
        'reports/2020-07/市司法局.yaml': reportYaml('市司法局', '2020-07', entry('1.2.1', '推进中', '审查中')),
        'reports/2020-07/市财政局.yaml': reportYaml('市财政局', '2020-07', entry('1.2.3', '未启动', '待定')),
      },
      { date: '2020-07-18T10:00:00+08:00' },
    );
    const run = runCli(['merge', 'reports/2020-07', '--as-of', '2020-07-25'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1.1.2 优化企业开办线下服务：未启动 → 已完成（新完成）\n');
    expect(run.stdout).toContain('1.2.1 深化减证便民行动：未启动 → 推进中\n');
    expect(run.stdout).toContain('1.2.1 深化减证便民行动：市审批局 申请延期至 2020-10-31（待审批）\n');
    expect(run.stdout).toContain('市财政局（2020-07）：1 项措施更新了报送，状态无变化\n');
    expect(run.stdout).toContain(
      '共 4 项措施有更新：状态变化 2 项（新完成 1 项），新延期申请 1 项。用 --verbose 查看全部内容',
    );
    expect(run.stdout).not.toContain('工作完成情况（按各单位最新报送重写）');
    repo.commit('合并 7 月', {}, { date: '2020-07-25T16:00:00+08:00' });
    repo.commit(
      '8 月报送',
      { 'reports/2020-08/市公安局.yaml': reportYaml('市公安局', '2020-08', entry('1.1.1', '推进中', '对接中')) },
      { date: '2020-08-18T10:00:00+08:00' },
    );
    expect(runCli(['merge', 'reports/2020-08', '--as-of', '2020-08-25'], repo.dir).code).toBe(0);
    repo.commit('合并 8 月', {}, { date: '2020-08-25T16:00:00+08:00' });
    // July again, long after: 市公安局's July report is history, merged in its time.
    const again = runCli(['merge', 'reports/2020-07', '--as-of', '2020-09-25'], repo.dir);
    expect(again.stderr + again.stdout).not.toContain('report/stale');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已合并过，跳过：reports/2020-07/市公安局.yaml（市公安局 2020-07）');
  });
});
