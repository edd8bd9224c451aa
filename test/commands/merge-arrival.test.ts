import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { renderMergeText } from '../../src/commands/merge/text.js';
import { receive } from '../../src/commands/receive/run.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

const form = (unit: string) =>
  `unit: ${unit}\nmonth: 2020-07\nentries:\n  - id: 1.1.1\n    status: 推进中\n    progress: 设专窗\n`;

// Issue 26, item 8: merging mailed forms says when each was received and whether that was on time.
describe('merge echoes the received day of each mailed form', () => {
  it('on time by an earlier receipt, late by --received, nothing for a unit’s own file', async () => {
    const repo = tempGitRepo();
    repo.commit(
      '台账',
      {
        'ledger/units.yaml': BUNDLED_UNITS,
        'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA,
        'inbox/平罗县.yaml': form('平罗县'),
        'inbox/惠农区.yaml': form('惠农区'),
        'reports/2020-07/大武口区.yaml': form('大武口区'),
      },
      { date: '2020-07-01T10:00:00+08:00' },
    );
    await receive({ root: repo.dir, unit: '平罗县', month: '2020-07', date: '2020-07-17' });
    const early = await merge({ root: repo.dir, paths: ['inbox/平罗县.yaml', 'reports/2020-07'], asOf: '2020-07-24' });
    expect(early.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(early.reports.find((r) => r.unit === '平罗县')?.arrival).toEqual({
      received: '2020-07-17',
      due: '2020-07-20',
      onTime: true,
    });
    expect(early.reports.find((r) => r.unit === '大武口区')?.arrival).toBeUndefined();
    const late = await merge({
      root: repo.dir,
      paths: ['inbox/惠农区.yaml'],
      asOf: '2020-07-24',
      received: '2020-07-22',
    });
    expect(late.reports[0]?.arrival).toEqual({ received: '2020-07-22', due: '2020-07-20', onTime: false });
    expect(renderMergeText(early)).toContain('收件：平罗县 2020-07 于 2020-07-17 收到，按时（报送日 2020-07-20）');
    expect(renderMergeText(late)).toContain('收件：惠农区 2020-07 于 2020-07-22 收到，迟报（报送日 2020-07-20）');
  });
});
