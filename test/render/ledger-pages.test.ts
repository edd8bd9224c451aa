import { describe, expect, it } from 'vitest';
import { buildLedgerTable } from '../../src/core/summaries/ledger-table.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { fittingHeight } from '../../src/render/cell-layout.js';
import { CONTINUED, continuedTaskLabel, planLedgerPages, type PlannedRow } from '../../src/render/ledger-pages.js';
import { LEDGER_WIDTHS } from '../../src/render/ledger-xlsx.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';

function pages(plan: readonly PlannedRow[]): PlannedRow[][] {
  const out: PlannedRow[][] = [[]];
  for (const row of plan) {
    out.at(-1)!.push(row);
    if (row.breakAfter) out.push([]);
  }
  return out;
}

describe('planned pages of the printed 台账', () => {
  const table = buildLedgerTable(loadLedger(REPO_ROOT).ledger, '2020-12-01');
  const space = { first: 500, rest: 600 };
  const plan = planLedgerPages(table, LEDGER_WIDTHS, space);

  it('keeps every row once, in order, and fills no page beyond its room', () => {
    expect(plan.map((p) => p.row.id)).toEqual(
      table.areas.flatMap((a) => a.tasks.flatMap((t) => t.rows.map((r) => r.id))),
    );
    const planned = pages(plan);
    expect(planned.length).toBeGreaterThan(10);
    planned.forEach((page, i) => {
      const used = page.reduce((sum, row) => sum + row.height, 0);
      expect(used, `page ${i + 1}`).toBeLessThanOrEqual(i === 0 ? space.first : space.rest);
    });
  });

  it('never merges across a page break, and names area and task at the top of every page', () => {
    for (const page of pages(plan)) {
      expect(page[0]!.area).toBeDefined();
      expect(page[0]!.task).toBeDefined();
      page.forEach((row, i) => {
        if (row.area) expect(i + row.area.span).toBeLessThanOrEqual(page.length);
        if (row.task) expect(i + row.task.span).toBeLessThanOrEqual(page.length);
      });
    }
  });

  it('prints each task’s full text once, tall enough, and “（续）” where it goes on', () => {
    const tasks = table.areas.flatMap((a) => a.tasks);
    const labels = plan.flatMap((row, i) => (row.task ? [{ ...row.task, at: i }] : []));
    for (const task of tasks) {
      const full = labels.filter((l) => l.label === task.label);
      expect(full).toHaveLength(1);
      const rows = plan.slice(full[0]!.at, full[0]!.at + full[0]!.span);
      expect(rows.reduce((sum, r) => sum + r.height, 0)).toBeGreaterThanOrEqual(
        fittingHeight([task.label], [LEDGER_WIDTHS[1]!]),
      );
    }
    const continued = labels.filter((l) => l.label.endsWith(CONTINUED));
    expect(continued.length).toBeGreaterThan(0);
    for (const label of continued) expect(tasks.map(continuedTaskLabel)).toContain(label.label);
    expect(continuedTaskLabel({ label: '1.不断提升企业开办效率。深化一窗通。' })).toBe('1.不断提升企业开办效率（续）');
  });
});
