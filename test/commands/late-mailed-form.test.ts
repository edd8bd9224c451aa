import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { receive } from '../../src/commands/receive/run.js';
import { site } from '../../src/commands/site/run.js';
import { summary } from '../../src/commands/summary/run.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

const at = (day: string) => ({ date: `${day}T10:00:00+08:00` });
const FORM = 'unit: 惠农区\nmonth: 2020-12\nentries:\n  - id: 1.1.1\n    status: 推进中\n    progress: 设专窗\n';

// Issue 26, item 7: a mailed form received on the 22nd (late) and committed on the 24th is shown with
// the day it was judged by, in the 通报's 报送情况 and on the site's reporting page.
describe('late mailed forms show the day they were received', () => {
  it('says 2020-12-22 收件 where lateness is shown, and the legend judges by arrival', async () => {
    const repo = tempGitRepo();
    repo.commit(
      '台账',
      { 'ledger/units.yaml': BUNDLED_UNITS, 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA },
      at('2020-12-01'),
    );
    await receive({ root: repo.dir, unit: '惠农区', month: '2020-12', date: '2020-12-22' });
    repo.commit('收件', {}, at('2020-12-22'));
    repo.commit('惠农区 12月报送', { 'reports/2020-12/惠农区.yaml': FORM }, at('2020-12-24'));

    const md = (await summary({ root: repo.dir, month: '2020-12', format: 'md', out: '-' })).text ?? '';
    const row = md.split('\n').find((line) => line.startsWith('| 惠农区 |') && line.includes('迟报'));
    expect(row).toContain('2020-12-22 收件');
    expect(row).not.toContain('2020-12-24');
    expect(md).toContain('收件日期');

    const out = path.join(repo.dir, 'site-out');
    await site({ root: repo.dir, asOf: '2020-12-25', out, worktree: true });
    const page = readFileSync(path.join(out, 'reporting.html'), 'utf8');
    const siteRow = page.split('\n').find((line) => line.includes('>惠农区<') && line.includes('迟报'));
    expect(siteRow).toContain('2020-12-22 收件');
    expect(siteRow).not.toContain('2020-12-24');
    expect(page).toContain('收件日期');
    expect(page).not.toContain('第一次提交到 Git 的时间晚于');
    const unitPage = readFileSync(path.join(out, 'units', '惠农区.html'), 'utf8');
    expect(unitPage).toContain('2020-12-22 收件');
  });
});
