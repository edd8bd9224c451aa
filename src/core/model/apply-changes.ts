/**
 * Field changes (a merge plan's, a decision's) applied to a ledger in memory, for what must see
 * the ledger after several of them: `ledger check` recomputing a pull request, `notice --issue`
 * recording several 督办单 on one measure. Pure: the input ledger is not modified.
 */
import type { Ledger, YamlPath } from './ledger.js';
import type { FileChanges } from '../reports/merge-plan.js';

export function withChanges(ledger: Ledger, files: readonly FileChanges[]): Ledger {
  if (files.length === 0) return ledger;
  const areas = ledger.areas.map((source) => {
    const changes = files.filter((f) => f.file === source.file).flatMap((f) => f.changes);
    if (changes.length === 0) return source;
    let data: unknown = source.data;
    for (const change of changes) data = setIn(data, change.path, change.after);
    return { ...source, data: data as typeof source.data };
  });
  return { ...ledger, areas };
}

/** Successive change lists as one: per file and path, the first `before` and the last `after`. */
export function combineChanges(lists: readonly (readonly FileChanges[])[]): FileChanges[] {
  const byFile = new Map<string, Map<string, FileChanges['changes'][number]>>();
  for (const files of lists) {
    for (const { file, changes } of files) {
      const paths = byFile.get(file) ?? byFile.set(file, new Map()).get(file)!;
      for (const change of changes) {
        const key = JSON.stringify(change.path);
        const earlier = paths.get(key);
        paths.set(key, earlier ? { path: change.path, before: earlier.before, after: change.after } : change);
      }
    }
  }
  return [...byFile].map(([file, paths]) => ({ file, changes: [...paths.values()] }));
}

/** `value` with `path` set to `after`, copying each container on the way (undefined deletes a key). */
function setIn(value: unknown, path: YamlPath, after: unknown): unknown {
  if (path.length === 0) return after;
  const [key, ...rest] = path;
  if (Array.isArray(value) && typeof key === 'number') {
    const copy = value.slice();
    copy[key] = setIn(copy[key], rest, after);
    return copy;
  }
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const copy = Object.assign({}, record);
  const next = setIn(record[String(key)], rest, after);
  if (next === undefined) delete copy[String(key)];
  else copy[String(key)] = next;
  return copy;
}
