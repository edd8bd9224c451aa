import { diffMeasure, type FieldChange } from './measure-diff.js';
import type { CommitRef, MeasureEvent } from './measure-snapshot.js';

export type HistoryKind = 'created' | 'changed' | 'moved' | 'deleted';

/** One commit in a measure's history. */
export interface HistoryEntry {
  commit: CommitRef;
  kind: HistoryKind;
  /** The file that holds the measure after the commit (before it, for a deletion). */
  file: string;
  /** Where it was before, when the commit moved it (git mv, or to another area file). */
  previousFile?: string;
  /** Field-level before → after; for a new measure, its fields as created. */
  changes: FieldChange[];
}

/** Turns the walk's events for one measure into history entries, oldest first. */
export function measureHistory(events: readonly MeasureEvent[]): HistoryEntry[] {
  return events.map((event): HistoryEntry => {
    const { before, after, commit } = event;
    if (!before && after) return { commit, kind: 'created', file: after.file, changes: diffMeasure({}, after.measure) };
    if (before && !after) return { commit, kind: 'deleted', file: before.file, changes: [] };
    const changes = diffMeasure(before!.measure, after!.measure);
    const moved = before!.file !== after!.file;
    return {
      commit,
      kind: changes.length === 0 && moved ? 'moved' : 'changed',
      file: after!.file,
      ...(moved ? { previousFile: before!.file } : {}),
      changes,
    };
  });
}

/** The commit date as YYYY-MM-DD in the author's own time zone. */
export function commitDay(commit: CommitRef): string {
  return commit.date.slice(0, 10);
}
