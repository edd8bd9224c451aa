/**
 * A part of the ledger: one lead's tasks (牵头单位) or one area (主要指标), for a
 * lead's own monthly report (`summary --lead`, `render --lead`, `missing --lead`).
 *
 * Rules:
 * - `lead`: the tasks this unit leads (the task's own lead, else the area's
 *   leads — the same rule as status --lead and rollupForLead); areas without
 *   such a task are left out.
 * - `area`: that area only. Both given: the lead's tasks within that area.
 * - The scoped ledger is for figures and lists; its tasks keep their source files,
 *   so it is never written back.
 */
import { taskLeads, type Ledger } from '../model/ledger.js';

export interface LedgerScope {
  lead?: string;
  area?: number;
}

export function scopeLedger<L extends Pick<Ledger, 'areas'>>(ledger: L, scope: LedgerScope): L {
  if (scope.lead === undefined && scope.area === undefined) return ledger;
  const areas = ledger.areas.flatMap((source) => {
    const area = source.data;
    if (scope.area !== undefined && area.area !== scope.area) return [];
    const tasks =
      scope.lead === undefined ? area.tasks : area.tasks.filter((task) => taskLeads(area, task).includes(scope.lead!));
    return tasks.length === 0 ? [] : [{ ...source, data: { ...area, tasks } }];
  });
  return { ...ledger, areas };
}

/** The words a scoped export adds to its title: `（市审批局牵头）`, `（第 4 项主要指标）`. */
export function scopeLabel(scope: LedgerScope): string {
  const parts = [scope.area !== undefined ? `第 ${scope.area} 项主要指标` : '', scope.lead ? `${scope.lead}牵头` : ''];
  const text = parts.filter(Boolean).join('，');
  return text ? `（${text}）` : '';
}
