import type { CommitRef, MeasureEvent } from './measure-snapshot.js';
import { commitDayOf } from './measure-history.js';
import { sameValue } from '../model/same-value.js';
import { commitActions, type CommitAction } from './commit-actions.js';
import { diffMeasure } from './measure-diff.js';

/** A change of a measure's status (状态) in one commit. */
export interface StatusChange {
  id: string;
  title: string;
  area?: number;
  units: string[];
  file: string;
  /** undefined when the measure was new in this commit. */
  from?: string;
  to: string;
  day: string;
  commit: CommitRef;
  /** Units whose report records (unit_reports) this commit changed: whose merged reports made the change. */
  reportedBy: string[];
  /** What the commit did to the measure, by kind (合并, 退回, …) and acting unit. */
  actions: CommitAction[];
}

export interface StatusLogFilter {
  /** Inclusive, YYYY-MM-DD, compared with the author date. */
  since?: string;
  until?: string;
  area?: number;
  /** Keeps a change when this returns true for the measure's units at that commit. */
  unit?: (units: readonly string[]) => boolean;
}

/**
 * Status changes across the ledger, newest first (events come oldest first). A new measure counts only
 * when it arrives with a status other than 未启动.
 */
export function statusLog(
  events: readonly MeasureEvent[],
  timezone: string,
  filter: StatusLogFilter = {},
): StatusChange[] {
  return filterStatusChanges(newestCommitFirst(statusChanges(events, timezone)), filter);
}

/** The status changes among the events, in their order, unfiltered. */
export function statusChanges(events: readonly MeasureEvent[], timezone: string): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const { commit, id, before, after } of events) {
    if (!after) continue;
    const to = String(after.measure.status ?? '未启动');
    const from = before ? String(before.measure.status ?? '未启动') : undefined;
    if (from === to || (from === undefined && to === '未启动')) continue;
    const units = Array.isArray(after.measure.units) ? after.measure.units.map(String) : [];
    const title = typeof after.measure.title === 'string' ? after.measure.title : '';
    changes.push({
      id,
      title,
      ...(after.area !== undefined ? { area: after.area } : {}),
      units,
      file: after.file,
      ...(from !== undefined ? { from } : {}),
      to,
      day: commitDayOf(commit, timezone),
      commit,
      reportedBy: reportingUnits(before?.measure.unit_reports, after.measure.unit_reports),
      actions: commitActions(diffMeasure(before?.measure ?? {}, after.measure)),
    });
  }
  return changes;
}

/** The changes `filter` keeps. */
export function filterStatusChanges(changes: readonly StatusChange[], filter: StatusLogFilter = {}): StatusChange[] {
  return changes.filter((change) => keep(change, filter));
}

/** The units whose entry in unit_reports differs between two versions of a measure. */
export function reportingUnits(before: unknown, after: unknown): string[] {
  const record = (value: unknown) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const old = record(before);
  return Object.entries(record(after))
    .filter(([unit, report]) => !sameValue(old[unit], report))
    .map(([unit]) => unit);
}

function keep(change: StatusChange, filter: StatusLogFilter): boolean {
  if (filter.since && change.day < filter.since) return false;
  if (filter.until && change.day > filter.until) return false;
  if (filter.area !== undefined && change.area !== filter.area) return false;
  if (filter.unit && !filter.unit(change.units)) return false;
  return true;
}

/** Commits newest first, each commit's entries in their own order. */
export function newestCommitFirst<T extends { commit: { hash: string } }>(entries: readonly T[]): T[] {
  const groups: T[][] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.commit.hash === entry.commit.hash) last.push(entry);
    else groups.push([entry]);
  }
  return groups.reverse().flat();
}
