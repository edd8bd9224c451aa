import { describe, expect, it } from 'vitest';
import { scopeLedger } from '../../src/core/rules/ledger-scope.js';
import { measureRefs } from '../../src/core/model/ledger.js';
import { summary } from '../../src/commands/summary/run.js';
import { status } from '../../src/commands/status/run.js';
import { render } from '../../src/commands/render/run.js';
import { missing } from '../../src/commands/missing/run.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';

const bundled = () => loadLedger(REPO_ROOT).ledger;

describe('a lead unit’s own report (--lead)', () => {
  it('scopeLedger keeps exactly the tasks the lead leads, per task where leads lead separately', () => {
    const ledger = bundled();
    const all = measureRefs(ledger);
    const scoped = measureRefs(scopeLedger(ledger, { lead: '市发改委' }));
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.map((r) => r.measure.id)).toEqual(
      all.filter((r) => r.leads.includes('市发改委')).map((r) => r.measure.id),
    );
    // 十、2 is led by 市发改委 alone; 十、1 by 市公共资源交易中心.
    expect(scoped.some((r) => r.task.id === '10.2')).toBe(true);
    expect(scoped.some((r) => r.task.id === '10.1')).toBe(false);
  });

  it('summary --lead 市审批局 --month 2020-07 has the figures of status --lead 市审批局 --as-of 2020-07-25', async () => {
    const result = await summary({
      root: REPO_ROOT,
      month: '2020-07',
      worktree: true,
      format: 'md',
      out: '-',
      lead: '审批局',
    });
    const view = await status({ root: REPO_ROOT, asOf: '2020-07-25', worktree: true, lead: '市审批局' });
    const total = (view as unknown as { total: Record<string, unknown> }).total;
    const headline = result.summary!.headline;
    for (const key of ['measures', 'done', 'inProgress', 'notStarted', 'overdue', 'escalated', 'dueSoon', 'ongoing']) {
      expect(headline[key as keyof typeof headline], key).toBe(total[key]);
    }
    expect(headline.measures).toBe(45);
    expect(result.text).toContain('（市审批局牵头）月度汇总（2020年7月）');
    expect(result.summary!.areas.rows.map((r) => r.area)).toEqual([1, 2, 11]);
  });

  it('summary --area 4 covers that area only', async () => {
    const result = await summary({
      root: REPO_ROOT,
      month: '2020-07',
      worktree: true,
      format: 'md',
      out: '-',
      area: '4',
    });
    expect(result.summary!.areas.rows.map((r) => r.area)).toEqual([4]);
    expect(result.summary!.headline.measures).toBe(5);
  });

  it('render --lead lists only the lead’s tasks and names the lead in its scope', async () => {
    const result = await render({
      root: REPO_ROOT,
      asOf: '2020-07-25',
      worktree: true,
      format: 'md',
      out: '-',
      lead: '市发改委',
    });
    const ids = result.table!.areas.flatMap((a) => a.tasks.map((t) => t.id));
    expect(ids).toContain('10.2');
    expect(ids).not.toContain('10.1');
    expect(result.text).toContain('牵头单位：市发改委');
  });

  it('missing --lead lists only the units of the lead’s tasks', async () => {
    const all = await missing({ root: REPO_ROOT, month: '2020-07' });
    const led = await missing({ root: REPO_ROOT, month: '2020-07', lead: '市审批局' });
    const units = new Set(measureRefs(scopeLedger(bundled(), { lead: '市审批局' })).flatMap((r) => r.measure.units));
    expect(led.rows.length).toBeGreaterThan(0);
    expect(led.rows.length).toBeLessThan(all.rows.length);
    expect(led.rows.every((row) => units.has(row.unit) || ['大武口区', '惠农区', '平罗县'].includes(row.unit))).toBe(
      true,
    );
  });

  it('an unknown lead is a usage error with a suggestion', async () => {
    await expect(
      summary({ root: REPO_ROOT, month: '2020-07', worktree: true, format: 'md', out: '-', lead: '审批' }),
    ).rejects.toThrow(/--lead/);
  });
});
