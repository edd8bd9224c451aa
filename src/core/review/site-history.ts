import { measureHistory, type HistoryEntry } from './measure-history.js';
import type { MeasureEvent } from './measure-snapshot.js';

/** Each measure's history entries, oldest first. */
export type MeasureHistoryMap = ReadonlyMap<string, HistoryEntry[]>;

/** Groups one walk over all measures (walkMeasureChanges without an id) into histories per measure. */
export function historiesById(events: readonly MeasureEvent[], timezone: string): MeasureHistoryMap {
  const byId = new Map<string, MeasureEvent[]>();
  for (const event of events) (byId.get(event.id) ?? byId.set(event.id, []).get(event.id)!).push(event);
  return new Map([...byId].map(([id, list]) => [id, measureHistory(list, timezone)]));
}
