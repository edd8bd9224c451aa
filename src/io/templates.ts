import { readFileSync } from 'node:fs';

/** The templates/ folder shipped with the tool (same place from src/ and dist/). */
export const TEMPLATES_URL = new URL('../../templates/', import.meta.url);
const PACKAGE_URL = new URL('../../package.json', import.meta.url);

/** A template's text; a missing template is a broken installation, so it throws. */
export function readTemplate(relative: string): string {
  return readFileSync(new URL(relative, TEMPLATES_URL), 'utf8');
}

/** Where a new ledger repository should install this tool from: its repository URL, else this folder. */
export function defaultToolSpec(): string {
  const pkg = JSON.parse(readFileSync(PACKAGE_URL, 'utf8')) as {
    version: string;
    repository?: string | { url?: string };
  };
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (url) return `${url.startsWith('git+') || url.startsWith('github:') ? url : `git+${url}`}#v${pkg.version}`;
  return `file:${decodeURIComponent(new URL('../../', import.meta.url).pathname).replace(/\/$/, '')}`;
}
