import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { fillXlsx } from '../helpers/fill-xlsx.js';
import { AREA_FILE } from '../helpers/report-fixture.js';
import { snapshotTree } from '../helpers/temp-dir.js';

/** Fills a yaml form from `ledger template` by replacing its status and progress lines for one measure. */
function fillYaml(file: string, id: string, status: string, progress: string): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`- id: ${id}\n`);
  const end = text.indexOf('- id:', start + 1) < 0 ? text.length : text.indexOf('- id:', start + 1);
  const block = text
    .slice(start, end)
    .replace(/status: \S+/, `status: ${status}`)
    .replace(/progress: "" # 工作完成情况/, `progress: ${JSON.stringify(progress)}`)
    .replace(/completed_on: ""/, status === '已完成' ? 'completed_on: 2020.7.10' : 'completed_on: ""');
  writeFileSync(file, text.slice(0, start) + block + text.slice(end));
}

describe('a whole month of reports in a real Git repository', () => {
  it('templates, filled yaml and xlsx reports, merge, status, re-merge, late and missing reports', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
    const cli = (...args: string[]) => runCli(args, repo.dir);

    // 市公安局 and 市审批局 fill the yaml form where it belongs and commit before the 20th.
    expect(cli('template', '--unit', '公安局', '--month', '2020-07').code).toBe(0);
    expect(cli('template', '--unit', '市审批局', '--month', '2020-07').code).toBe(0);
    const police = path.join(repo.dir, 'reports/2020-07/市公安局.yaml');
    const approvals = path.join(repo.dir, 'reports/2020-07/市审批局.yaml');
    fillYaml(police, '1.1.1', '推进中', '已完成系统对接测试');
    fillYaml(police, '1.1.2', '已完成', '印章刻制已进驻大厅');
    fillYaml(approvals, '1.1.1', '推进中', '登记系统已升级');
    fillYaml(approvals, '1.1.2', '已完成', '一窗一表单已实行');
    fillYaml(approvals, '1.2.1', '推进中', '清单已公布');
    expect(cli('validate').code).toBe(0);
    repo.commit('市公安局、市审批局 7月报送', {}, { date: '2020-07-18T16:00:00+08:00' });

    // 大武口区 (through 各县区) fills the xlsx form; the lead merges it on the 23rd, which stores it as yaml.
    const form = cli(
      'template',
      '--unit',
      '大武口区',
      '--month',
      '2020-07',
      '--format',
      'xlsx',
      '--out',
      'inbox/大武口区.xlsx',
    );
    expect(form.code).toBe(0);
    await fillXlsx(path.join(repo.dir, 'inbox/大武口区.xlsx'), {
      '1.1.1': { 状态: '推进中', 工作完成情况: '区政务大厅已设专窗\n下月全面推开' },
    });
    const fromXlsx = cli('merge', 'inbox/大武口区.xlsx', '--as-of', '2020-07-23');
    expect(fromXlsx.stdout).toContain('合并了 1 份报送');
    expect(fromXlsx.code).toBe(0);
    repo.commit('大武口区 7月报送', {}, { date: '2020-07-23T10:00:00+08:00' });

    // The lead merges the month folder.
    const merged = cli('merge', 'reports/2020-07', '--as-of', '2020-07-24');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('1.1.2 优化企业开办线下服务：未启动 → 已完成（新完成）');
    const area = readFileSync(path.join(repo.dir, AREA_FILE), 'utf8');
    expect(area).toContain(
      'progress: |-\n          市审批局：一窗一表单已实行\n          市公安局：印章刻制已进驻大厅',
    );
    expect(area).toContain(
      '大武口区:\n            month: 2020-07\n            status: 推进中\n            progress: |-\n              区政务大厅已设专窗\n              下月全面推开',
    );
    repo.commit('合并 7月报送', {}, { date: '2020-07-24T10:00:00+08:00' });

    // Status reflects it: 1.1.2 done; 1.1.1 has started (推进中) and still waits for 惠农区 and 平罗县.
    const status = cli('status', '--as-of', '2020-07-25', '--format', 'json');
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout) as { total: Record<string, number>; reports: Record<string, unknown> };
    expect(json.total).toMatchObject({ measures: 5, done: 1, inProgress: 2, notStarted: 2 });
    expect(json.reports).toMatchObject({ month: '2020-07', missing: 5, late: 1 });
    expect(cli('status', '--as-of', '2020-07-25').stdout).toContain(
      '月度报送 2020-07（截止 2020-07-20）：应报 8 个单位，已报 3，未报 5，迟报 1',
    );

    // Merging again changes nothing.
    const before = snapshotTree(repo.dir);
    const again = cli('merge', 'reports/2020-07', 'inbox/大武口区.xlsx', '--as-of', '2020-07-25');
    expect(again.stdout).toContain('台账没有变化');
    expect(snapshotTree(repo.dir)).toEqual(before);

    // Late and missing, from the Git history.
    const missing = cli('missing', '--month', '2020-07', '--format', 'json');
    const rows = (JSON.parse(missing.stdout) as { rows: { unit: string; state: string }[] }).rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unit: '大武口区', state: 'late' }),
        expect.objectContaining({ unit: '市公安局', state: 'on-time' }),
        expect.objectContaining({ unit: '市审批局', state: 'on-time' }),
        expect.objectContaining({ unit: '惠农区', state: 'missing' }),
        expect.objectContaining({ unit: '市司法局', state: 'missing' }),
      ]),
    );
    const text = cli('missing', '--month', '2020-07').stdout;
    expect(text).toContain('迟报  大武口区（reports/2020-07/大武口区.yaml，首次提交于 2020-07-23 10:00）');
    expect(text).toContain('未报送  平罗县');
  });
});
