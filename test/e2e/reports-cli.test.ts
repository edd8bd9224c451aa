import { describe, expect, it } from 'vitest';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/temp-dir.js';

describe('report commands on the command line', () => {
  it('merge: a bad report exits 1 with its location and changes nothing', () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', entry('1.2.3', '推进中')),
    });
    const before = snapshotTree(root);
    const run = runCli(['merge', 'reports/2020-07', '--as-of', '2020-07-15'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('reports/2020-07/市公安局.yaml:4:9: 错误 [report/not-responsible]');
    expect(run.stdout).toContain('未合并任何报送，台账没有改动');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('template --out - prints the form; extend without a request exits 2 in Chinese', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const form = runCli(['template', '--unit', '中级法院', '--month', '2020-07', '--out', '-'], root);
    expect(form.code).toBe(0);
    expect(form.stdout).toContain(
      'unit: 市中级人民法院\nmonth: 2020-07\nfilled_by: "" # 填报人\nphone: "" # 联系电话\nreviewed_by: "" # 审核人（负责人）\nsubmitted_on: "" # 报送日期 YYYY-MM-DD\nentries:\n  # 1.2.2 建立破产案件快速审理机制\n  - id: 1.2.2\n',
    );
    const extend = runCli(['extend', '1.2.2', '--approve'], root);
    expect(extend.code).toBe(2);
    expect(extend.stderr).toContain('没有待审批延期申请');
    expect(extend.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
