import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { show } from '../../src/commands/show/run.js';
import { renderShowText } from '../../src/commands/show/text.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

// Issue 26, item 2: show says whom a measure waits for, as status and overdue do.
describe('ledger show names the units a measure waits for', () => {
  it('counts the finished parts and names the unit that never reported', async () => {
    const repo = tempGitRepo();
    repo.commit('台账', {
      'ledger/units.yaml': BUNDLED_UNITS,
      'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA,
      'reports/2020-07/市公安局.yaml':
        'unit: 市公安局\nmonth: 2020-07\nentries:\n  - id: 1.1.2\n    status: 已完成\n    progress: 已办结\n    completed_on: 2020-06-20\n',
    });
    await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: '2020-07-25' });
    const text = renderShowText(await show({ root: repo.dir, id: '1.1.2', asOf: '2020-07-25', worktree: true }), {
      color: false,
    });
    expect(text).toMatch(/状态：推进中；已完成 1\/2，待 市审批局（从未报送）/);
    expect(text).toContain('市审批局 报送：从未报送');
  });
});
