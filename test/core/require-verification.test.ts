import { describe, expect, it } from 'vitest';
import { buildMonthlySummary } from '../../src/core/summaries/monthly-summary.js';
import { memoryLedger } from '../helpers/memory-ledger.js';
import { SMALL_AREA } from '../helpers/ledger-fixture.js';

// 1.1.2 (2020年6月底前) reported 已完成 by both units in June; only 市审批局's part was verified.
const REPORTED = SMALL_AREA.replace(
  '        units: [市审批局, 市公安局]\n        status: 未启动',
  [
    '        units: [市审批局, 市公安局]',
    '        status: 已完成',
    '        unit_reports:',
    '          市审批局: { month: 2020-06, status: 已完成, completed_on: 2020-06-15,',
    '            verification: { state: 已核验, by: 市发改委, on: 2020-06-28 } }',
    '          市公安局: { month: 2020-06, status: 已完成, completed_on: 2020-06-20 }',
  ].join('\n'),
);

const record = (requireVerification: boolean, unit: string) =>
  buildMonthlySummary(
    memoryLedger([REPORTED], { require_verification: requireVerification }),
    '2020-07',
    '2020-07-25',
  ).ranking.find((r) => r.unit === unit);

// Issue 26, item 4 (the ranking): with require_verification an unverified part is 待核验, not 已完成.
describe('the 通报 ranking with require_verification', () => {
  it('credits an unverified part past its deadline as unfinished, a verified one as done on time', () => {
    expect(REPORTED).toContain('市公安局: { month: 2020-06');
    expect(record(false, '市公安局')).toMatchObject({ dueParts: 1, doneOnTime: 1 });
    expect(record(true, '市公安局')).toMatchObject({ dueParts: 1, doneOnTime: 0 });
    expect(record(true, '市审批局')).toMatchObject({ doneOnTime: 1 });
    expect(record(true, '市公安局')!.score).toBeLessThan(record(false, '市公安局')!.score);
  });
});

describe('status --unit with require_verification', () => {
  it('shows the unit’s unverified part as 待核验, its verified one as 已完成', async () => {
    const { status } = await import('../../src/commands/status/run.js');
    const { renderStatusText } = await import('../../src/commands/status/text.js');
    const { tempLedger } = await import('../helpers/ledger-fixture.js');
    const root = tempLedger({
      'ledger/01-持续深化商事制度改革.yaml': REPORTED,
      'ledger/config.yaml': 'require_verification: true\n',
    });
    const police = await status({ root, unit: '市公安局', asOf: '2020-07-25', worktree: true });
    const item = police.view === 'unit' ? police.items.find((i) => i.id === '1.1.2') : undefined;
    expect(item?.ownReport).toEqual({ month: '2020-06', status: '已完成', pending: '待核验' });
    const row = renderStatusText(police, { color: false })
      .split('\n')
      .find((line) => line.includes('1.1.2'));
    // Cells: 编号, 具体措施, 完成时限, 本单位, 整体, 市公安局报送, 牵头单位.
    const cells = row!.split('│').map((c) => c.trim());
    expect([cells[4], cells[6]]).toEqual(['待核验', '2020-06 待核验']);
    const lead = await status({ root, unit: '市审批局', asOf: '2020-07-25', worktree: true });
    const own = lead.view === 'unit' ? lead.items.find((i) => i.id === '1.1.2')?.ownReport : undefined;
    expect(own).toEqual({ month: '2020-06', status: '已完成' });
  });
});

describe('the site with require_verification', () => {
  it('writes an unverified part as 待核验 beside the verified 已完成 one', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const { site } = await import('../../src/commands/site/run.js');
    const { tempLedger } = await import('../helpers/ledger-fixture.js');
    const root = tempLedger({
      'ledger/01-持续深化商事制度改革.yaml': REPORTED,
      'ledger/config.yaml': 'require_verification: true\n',
    });
    const out = path.join(root, 'site-out');
    await site({ root, asOf: '2020-07-25', out, worktree: true });
    const pages = readdirSync(path.join(out, 'areas')).map((f) => readFileSync(path.join(out, 'areas', f), 'utf8'));
    const page = pages.join('\n');
    expect(page).toMatch(/市公安局<\/a>（2020-06，待核验）/);
    expect(page).toMatch(/市审批局<\/a>（2020-06，已完成）/);
  });
});
