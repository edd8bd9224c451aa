import { describe, expect, it } from 'vitest';
import { reportCounts } from '../../src/core/reports/report-counts.js';
import { monthEnd, trendRows } from '../../src/core/summaries/trend.js';
import { memoryLedger } from '../helpers/memory-ledger.js';

// Issue 26, item 5: a unit's 报送率 in `trend --by unit` is its own, not that of every unit sharing its
// measures (市自然资源局, which never reported, showed 89%).
describe('trend --by unit rates each unit’s own reporting', () => {
  it('gives a unit that did not report 0% although the units sharing its measures did', () => {
    const ledger = memoryLedger();
    const file = (unit: string) => ({ unit, file: `reports/2020-07/${unit}.yaml` });
    const present = ['市审批局', '大武口区', '惠农区', '平罗县', '市司法局', '市中级人民法院', '市财政局'].map(file);
    const commits = new Map(present.map((p) => [p.file, { committed: '2020-07-15T10:00:00+08:00' }]));
    const reports = reportCounts(ledger, '2020-07', present, commits);
    const end = monthEnd(ledger, '2020-07-31', {}, 'unit');
    const rows = trendRows(ledger, end, 'unit', new Set(), reports);
    const rate = (unit: string) => rows.find((r) => r.key === unit);
    expect(rate('市公安局')).toMatchObject({ reportsDue: 1, reportsOnTime: 0, reportRate: 0 });
    expect(rate('市审批局')).toMatchObject({ reportsDue: 1, reportsOnTime: 1, reportRate: 100 });
    // The whole ledger still rates every owing unit.
    const [total] = trendRows(ledger, monthEnd(ledger, '2020-07-31', {}, 'total'), 'total', new Set(), reports);
    expect(total).toMatchObject({ reportsDue: 8, reportsOnTime: 7 });
  });
});
