import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';

const SUPERVISOR = { name: '督查室 王五', email: 'duchashi@example.com' };
const LEAD = { name: '市审批局 张三', email: 'shenpi@example.com' };

describe('the 督办 loop in a real Git repository', () => {
  it('walks 市公安局 from 蓝 to 黄 to 红, then completion, lead verification and 销号', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('台账', {}, { date: '2020-06-01T09:00:00+08:00' });
    const cli = (...args: string[]) => runCli(args, repo.dir);
    const ledgerText = () => readFileSync(path.join(repo.dir, AREA_FILE), 'utf8');

    // June 25th: 1.1.2 is due on June 30th and nobody has started: 蓝.
    const june = cli('notice', '--as-of', '2020-06-25', '--unit', '公安局', '--issue');
    expect(june.code).toBe(0);
    expect(june.stdout).toContain('督办〔2020〕1号　蓝色督办（临期提醒） → 市公安局（1 项）');
    expect(june.stdout).toContain('1.1.2 优化企业开办线下服务');
    repo.commit('6月蓝色督办', {}, { date: '2020-06-25T10:00:00+08:00', author: SUPERVISOR });
    const before = ledgerText();
    const again = cli('notice', '--as-of', '2020-06-25', '--unit', '公安局', '--issue');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('没有需要新发的督办单');
    expect(ledgerText()).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');

    // July: 市审批局 finishes its part; 市公安局 does not report at all: 黄 for 市公安局 only.
    const approvals = reportYaml(
      '市审批局',
      '2020-07',
      entry('1.1.2', '已完成', '一窗一表单已实行', 'completed_on: 2020-07-10'),
    );
    repo.commit(
      '市审批局 7月报送',
      { 'reports/2020-07/市审批局.yaml': approvals },
      { date: '2020-07-18T10:00:00+08:00' },
    );
    expect(cli('merge', 'reports/2020-07').code).toBe(0);
    repo.commit('合并 2020-07 报送', {}, { date: '2020-07-24T10:00:00+08:00', author: LEAD });
    const remind = cli('remind', '--as-of', '2020-07-25', '--unit', '公安局', '--format', 'json');
    const [police] = JSON.parse(remind.stdout).reminders;
    expect(police.unit).toBe('市公安局');
    expect(police.missingReport).toEqual({ month: '2020-07', due: '2020-07-20' });
    expect(police.overdue.map((p: { id: string; days: number }) => [p.id, p.days])).toEqual([['1.1.2', 25]]);
    expect(police.dueSoon).toEqual([]);
    const july = cli('notice', '--month', '2020-07', '--issue', '--format', 'json');
    const julyPlan = JSON.parse(july.stdout);
    const yellow = julyPlan.documents.find((d: { unit: string }) => d.unit === '市公安局');
    expect(yellow).toMatchObject({ level: '黄', number: expect.stringMatching(/^督办〔2020〕\d+号$/) });
    expect(
      julyPlan.documents.some(
        (d: { unit: string; items: { id: string }[] }) =>
          d.unit === '市审批局' && d.items.some((i) => i.id === '1.1.2'),
      ),
    ).toBe(false);
    repo.commit('7月黄色督办', {}, { date: '2020-07-25T10:00:00+08:00', author: SUPERVISOR });

    // August 25th: still overdue 31 days after the 黄 notice: 红.
    const august = cli('notice', '--month', '2020-08', '--unit', '市公安局', '--issue');
    expect(august.stdout).toMatch(/红色督办（挂牌督办） → 市公安局/);
    repo.commit('8月红色督办', {}, { date: '2020-08-25T10:00:00+08:00', author: SUPERVISOR });
    const levels = [...ledgerText().matchAll(/unit: 市公安局\n\s+level: (\S+)/g)].map((m) => m[1]);
    expect(levels).toEqual(['蓝', '黄', '红']);

    // The 考评 record: notices this year in status --by unit, this month's in the 通报 ranking.
    expect(cli('status', '--by', 'unit', '--as-of', '2020-08-31').stdout).toContain(
      '2020 年收到的督办单（蓝/黄/红）：市公安局 蓝1 黄1 红1',
    );
    const ranking = cli('summary', '--month', '2020-08', '--format', 'md', '--out', '-').stdout;
    expect(ranking).toContain('本月督办单');
    expect(ranking).toMatch(/\| 市公安局 \|[^\n]*\| 红1 \|/);

    // September: 市公安局 reports it done; only the lead (or a supervisor) may verify it.
    const police9 = reportYaml(
      '市公安局',
      '2020-09',
      entry('1.1.2', '已完成', '印章刻制已进驻大厅', 'completed_on: 2020-09-08'),
    );
    repo.commit(
      '市公安局 9月报送',
      { 'reports/2020-09/市公安局.yaml': police9 },
      { date: '2020-09-10T10:00:00+08:00' },
    );
    expect(cli('merge', 'reports/2020-09').code).toBe(0);
    repo.commit('合并 2020-09 报送', {}, { date: '2020-09-24T10:00:00+08:00', author: LEAD });
    const config = path.join(repo.dir, 'ledger/config.yaml');
    writeFileSync(config, 'require_verification: true\n');
    // 市审批局's own part (July) and 市公安局's wait for verification.
    expect(cli('status', '--as-of', '2020-09-25', '--worktree').stdout).toContain('待核验 2 项');
    const merged = ledgerText();
    const refused = cli('verify', '1.1.2', '--unit', '市公安局', '--by', '市司法局', '--date', '2020-09-25');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('市司法局 不是 1.1.2 的牵头单位或督办单位');
    const self = cli('verify', '1.1.2', '--unit', '市公安局', '--by', '公安局', '--date', '2020-09-25');
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('市公安局 不能核验本单位的部分');
    // Dated before the completion (2020-09-08) or after today: refused, nothing written.
    const early = cli('verify', '1.1.2', '--unit', '市公安局', '--date', '2020-09-01');
    expect([early.code, early.stderr]).toEqual([2, expect.stringContaining('早于该部分的完成日期 2020-09-08')]);
    const future = cli('verify', '1.1.2', '--unit', '市公安局', '--date', '2099-01-01');
    expect([future.code, future.stderr]).toEqual([2, expect.stringContaining('核验日期 2099-01-01 晚于今天')]);
    expect(ledgerText()).toBe(merged);
    const verified = cli('verify', '1.1.2', '--unit', '市公安局', '--date', '2020-09-25');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('核验通过，已销号（市审批局，2020-09-25）');
    expect(cli('status', '--as-of', '2020-09-25', '--worktree').stdout).toContain('待核验 1 项');
    // The lead's own part is verified by a supervisor, never by itself.
    expect(cli('verify', '1.1.2', '--unit', '市审批局', '--date', '2020-09-25').stdout).toContain(
      '（市发改委，2020-09-25）',
    );
    expect(cli('status', '--as-of', '2020-09-25', '--worktree').stdout).not.toContain('待核验');
    repo.commit('1.1.2 市公安局 销号', {}, { date: '2020-09-25T10:00:00+08:00', author: LEAD });
    expect(cli('notice', '--as-of', '2020-09-25', '--unit', '市公安局').stdout).toContain('没有需要新发的督办单');

    const history = cli('history', '1.1.2');
    expect(history.code).toBe(0);
    for (const [who, when] of [
      ['督查室 王五', '2020-06-25'],
      ['督查室 王五', '2020-07-25'],
      ['督查室 王五', '2020-08-25'],
      ['市审批局 张三', '2020-09-25'],
    ]) {
      expect(history.stdout).toMatch(new RegExp(`${when}[^\\n]*${who}`));
    }
    expect(history.stdout).toContain('督办单');
  }, 180_000);

  it('a rejected part goes back to 推进中 with the reason in its history', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('台账', {}, { date: '2020-06-01T09:00:00+08:00' });
    const cli = (...args: string[]) => runCli(args, repo.dir);
    const reports = {
      'reports/2020-07/市审批局.yaml': reportYaml(
        '市审批局',
        '2020-07',
        entry('1.1.2', '已完成', '已实行', 'completed_on: 2020-07-10'),
      ),
      'reports/2020-07/市公安局.yaml': reportYaml(
        '市公安局',
        '2020-07',
        entry('1.1.2', '已完成', '已进驻', 'completed_on: 2020-07-12'),
      ),
    };
    repo.commit('7月报送', reports, { date: '2020-07-18T10:00:00+08:00' });
    expect(cli('merge', 'reports/2020-07').code).toBe(0);
    repo.commit('合并', {}, { date: '2020-07-24T10:00:00+08:00' });
    expect(cli('show', '1.1.2', '--format', 'json').stdout).toContain('"status": "已完成"');
    const missingReason = cli('verify', '1.1.2', '--unit', '市公安局', '--reject');
    expect(missingReason.code).toBe(2);
    const rejected = cli(
      'verify',
      '1.1.2',
      '--unit',
      '市公安局',
      '--reject',
      '--reason',
      '佐证材料不全',
      '--date',
      '2020-07-26',
    );
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain('已退回，改为“推进中”：佐证材料不全');
    repo.commit('退回', {}, { date: '2020-07-26T10:00:00+08:00', author: LEAD });
    const text = readFileSync(path.join(repo.dir, AREA_FILE), 'utf8');
    expect(text).toMatch(/市公安局:\n\s+month: 2020-07\n\s+status: 推进中/);
    expect(text).not.toContain('completed_on: 2020-07-12');
    expect(cli('validate').code).toBe(0);
    const history = cli('history', '1.1.2');
    expect(history.stdout).toContain('佐证材料不全');
    expect(history.stdout).toMatch(/2020-07-26[^\n]*市审批局 张三/);
  }, 120_000);
});
