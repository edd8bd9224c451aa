import { commitDay } from '../model/ledger-version.js';
import { diffMeasure, type FieldChange } from './measure-diff.js';
import type { CommitRef, MeasureEvent } from './measure-snapshot.js';

export type HistoryKind = 'created' | 'changed' | 'moved' | 'deleted';

/** One commit in a measure's history. */
export interface HistoryEntry {
  commit: CommitRef;
  /** The commit's day in the ledger's time zone. */
  day: string;
  kind: HistoryKind;
  /** The file that holds the measure after the commit (before it, for a deletion). */
  file: string;
  /** Where it was before, when the commit moved it (git mv, or to another area file). */
  previousFile?: string;
  /** Field-level before → after; for a new measure, its fields as created. */
  changes: FieldChange[];
}

/** Turns the walk's events for one measure into history entries, oldest first. */
export function measureHistory(events: readonly MeasureEvent[], timezone: string): HistoryEntry[] {
  return events.map((event): HistoryEntry => {
    const { before, after, commit } = event;
    const day = commitDayOf(commit, timezone);
    if (!before && after)
      return { commit, day, kind: 'created', file: after.file, changes: diffMeasure({}, after.measure) };
    if (before && !after) return { commit, day, kind: 'deleted', file: before.file, changes: [] };
    const changes = diffMeasure(before!.measure, after!.measure);
    const moved = before!.file !== after!.file;
    return {
      commit,
      day,
      kind: changes.length === 0 && moved ? 'moved' : 'changed',
      file: after!.file,
      ...(moved ? { previousFile: before!.file } : {}),
      changes,
    };
  });
}

/** The commit's day in the ledger's time zone (the one clock: core/model/ledger-version.ts). */
export function commitDayOf(commit: CommitRef, timezone: string): string {
  return commitDay(commit.date, timezone);
}
