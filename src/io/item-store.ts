import { isRecord } from '../core/model/is-record.js';
import { gitBlobId } from './blob-id.js';
import { stampCode } from './ledger-cache.js';
import { cacheFile, STATE, type CacheFile } from './state-dir.js';

/**
 * The item memo's parses kept between runs, history-cache.json in the state folder (state-dir.ts):
 * the yaml data of each measure item and frame (item-memo.ts), keyed by the Git blob id of its exact
 * text and kept with that id, so a walk over history after another (`ledger trend` after `ledger log`)
 * parses only what neither has met. Only clean parses are kept (no error, warning, comment or alias),
 * and only data JSON keeps as it is. Read on first use, written by `save` when anything was added;
 * bounded: what this run used is kept first, then the newest of the rest, up to MAX_CHARS of JSON.
 * Keyed on the loader's code like the ledger cache; LEDGER_CACHE=off or outside Git, nothing is kept.
 */
export interface ItemStore {
  get(text: string): unknown;
  set(text: string, value: unknown): void;
  save(): void;
}

const FORMAT = 1;
const MAX_CHARS = 32 * 1024 * 1024;

/** The store of the repository at `root`; without a cache file (outside Git, LEDGER_CACHE=off), one that keeps nothing. */
export function openItemStore(root: string, env: NodeJS.ProcessEnv = process.env): ItemStore {
  const file = cacheFile(root, STATE.historyCache, env);
  if (!file) return { get: () => undefined, set: () => undefined, save: () => undefined };
  const key = `${FORMAT} ${stampCode()}`;
  let stored: Map<string, unknown> | undefined;
  const used = new Map<string, unknown>();
  let usedChars = 0;
  let added = false;
  const entries = () => (stored ??= readStore(file, key));
  // A miss is mostly followed by a `set` of the same text: its id is hashed once.
  let last = { text: '', id: '' };
  const idOf = (text: string) => (last.text === text ? last.id : (last = { text, id: gitBlobId(text) }).id);
  return {
    get(text) {
      const id = idOf(text);
      const value = entries().get(id);
      if (value !== undefined) used.set(id, value);
      return value;
    },
    set(text, value) {
      // What cannot be written is not held either (its text's length stands for its JSON's).
      if (usedChars > MAX_CHARS || !keepsAsJson(value)) return;
      used.set(idOf(text), value);
      usedChars += text.length;
      added = true;
    },
    save() {
      if (added) writeStore(file, key, used, entries());
    },
  };
}

function readStore(file: CacheFile, key: string): Map<string, unknown> {
  try {
    const text = file.read();
    if (!text?.startsWith(`{"key":${JSON.stringify(key)},`)) return new Map();
    const parsed = JSON.parse(text) as { key?: unknown; entries?: unknown };
    if (parsed.key !== key || !Array.isArray(parsed.entries)) return new Map();
    return new Map(parsed.entries.filter(isEntry));
  } catch {
    return new Map();
  }
}

/** An entry as written: [blob id, data]. */
function isEntry(entry: unknown): entry is [string, unknown] {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && /^[0-9a-f]{40}$/.test(entry[0]);
}

/** This run's entries first, then the rest newest first, up to the bound; written oldest first (read back in order). */
function writeStore(file: CacheFile, key: string, used: Map<string, unknown>, old: Map<string, unknown>): void {
  const kept: string[] = [];
  let chars = 0;
  const add = (id: string, value: unknown) => {
    const json = JSON.stringify([id, value]);
    if (chars + json.length > MAX_CHARS) return false;
    kept.push(json);
    chars += json.length + 1;
    return true;
  };
  for (const [id, value] of used) if (!add(id, value)) break;
  for (const [id, value] of [...old].reverse()) if (!used.has(id) && !add(id, value)) break;
  file.write(`{"key":${JSON.stringify(key)},"entries":[${kept.reverse().join(',')}]}`);
}

/** Data that JSON gives back equal: no non-finite number or -0, no `__proto__` key. */
function keepsAsJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(keepsAsJson);
  if (isRecord(value)) return !Object.hasOwn(value, '__proto__') && Object.values(value).every(keepsAsJson);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}
