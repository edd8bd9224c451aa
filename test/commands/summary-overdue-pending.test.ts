import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { summary } from '../../src/commands/summary/run.js';
import { docxText } from '../helpers/docx-text.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

const FORM =
  'unit: 市审批局\nmonth: 2020-07\nentries:\n  - id: 1.1.2\n    status: 已完成\n    progress: 办结\n    completed_on: 2020-07-10\n';

// Issue 26, item 6: the Word 通报's overdue list named only the 牵头单位; it names the units whose parts
// are still open, as the md and xlsx do.
describe('the 通报’s overdue list names the units a measure waits for', () => {
  it('shows 市公安局（从未报送）, not the lead 市审批局 that has finished, beside 1.1.2 in md and docx', async () => {
    const repo = tempGitRepo();
    repo.commit(
      '台账',
      { 'ledger/units.yaml': BUNDLED_UNITS, 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA },
      { date: '2020-07-01T10:00:00+08:00' },
    );
    repo.commit('报送', { 'reports/2020-07/市审批局.yaml': FORM }, { date: '2020-07-18T10:00:00+08:00' });
    await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: '2020-07-24' });
    repo.commit('合并', {}, { date: '2020-07-24T10:00:00+08:00' });

    const md = (await summary({ root: repo.dir, month: '2020-07', format: 'md', out: '-' })).text ?? '';
    const mdRow = md.split('\n').find((line) => line.startsWith('| 1.1.2 |'));
    expect(mdRow).toContain('| 市公安局（从未报送） |');

    const out = path.join(repo.dir, '通报.docx');
    await summary({ root: repo.dir, month: '2020-07', format: 'docx', out });
    const zip = await JSZip.loadAsync(readFileSync(out));
    const { rows } = docxText(await zip.file('word/document.xml')!.async('string'));
    const header = rows.find((r) => r.includes('逾期天数'))!;
    const row = rows.find((r) => r[0] === '1.1.2')!;
    expect(row[header.indexOf('待完成单位')]).toBe('市公安局（从未报送）');
    expect(row).not.toContain('市审批局');
  });
});
