/** How the ledger tool is published: its npm name and version (from its package.json). */
export interface ToolPackage {
  name: string;
  version: string;
}

/**
 * What `ledger init --tool SPEC` means for the new repository's package.json:
 * - `registry`: a version range of the published package (`^0.1.0`, the default);
 * - `alias`: the tool under another name on an intranet registry (`@city/ledger@0.1.0` → `npm:@city/ledger@0.1.0`);
 * - `remote`: a git URL or an http(s) tarball URL, used as written;
 * - `tarball`: a local .tgz file, copied into the repository (`tools/NAME.tgz`) so every runner finds it;
 * - `folder`: a folder of this machine (absolute or relative), which no CI runner has (refused).
 */
export type ToolSpec =
  | { kind: 'registry' | 'alias' | 'remote'; dependency: string }
  | { kind: 'tarball'; path: string; target: string; dependency: string }
  | { kind: 'folder'; path: string }
  /** Not a dependency spec at all: empty, or holding a line break, a control character or a quote. */
  | { kind: 'invalid'; reason: string };

const GIT_OR_URL = /^(git\+|git:|github:|gitlab:|bitbucket:|https?:\/\/|ssh:\/\/|git@)/;
const PACKAGE_AT = /^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(@.+)?$/;
/** The folder of a new repository where a copied tarball goes. */
export const TOOL_FOLDER = 'tools';

/** The default: the published package at a compatible version. */
export function defaultToolSpec(own: ToolPackage): ToolSpec {
  return { kind: 'registry', dependency: `^${own.version}` };
}

/** Classifies a --tool value (pure: whether a tarball exists is the caller's question). */
export function parseToolSpec(spec: string, own: ToolPackage): ToolSpec {
  const given = spec.trim();
  if (given === '') return { kind: 'invalid', reason: '是空的' };
  const bad = /[\u0000-\u001f\u007f-\u009f"'`\u2028\u2029]/.exec(given)?.[0];
  if (bad !== undefined)
    return {
      kind: 'invalid',
      reason: `含有 U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}（换行、控制字符或引号）`,
    };
  if (GIT_OR_URL.test(given)) return { kind: 'remote', dependency: given };
  if (given.startsWith('npm:')) return { kind: 'alias', dependency: given };
  const file = given.replace(/^file:/, '');
  if (/\.(tgz|tar\.gz)$/.test(file)) {
    const base = file.split(/[\\/]/).pop()!;
    const target = `${TOOL_FOLDER}/${base}`;
    return { kind: 'tarball', path: file, target, dependency: `file:${target}` };
  }
  if (/^(\/|\.\.?([\\/]|$)|~|[A-Za-z]:[\\/])/.test(file) || given.startsWith('file:'))
    return { kind: 'folder', path: file };
  if (/^[\^~<>=*\d]|^latest$/.test(given)) return { kind: 'registry', dependency: given };
  if (PACKAGE_AT.test(given)) {
    const [name, range] = splitNameRange(given);
    if (name === own.name) return { kind: 'registry', dependency: range ?? `^${own.version}` };
    return { kind: 'alias', dependency: `npm:${name}@${range ?? '*'}` };
  }
  return { kind: 'remote', dependency: given };
}

function splitNameRange(spec: string): [string, string | undefined] {
  const at = spec.indexOf('@', 1);
  return at < 0 ? [spec, undefined] : [spec.slice(0, at), spec.slice(at + 1)];
}
