import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ToolPackage } from '../core/model/tool-spec.js';

/**
 * The tool's own folder: the nearest folder above this module with a package.json (src/io/ and
 * dist-tsc/io/ are two levels down, a bundled chunk in dist/ one).
 */
function packageRoot(): URL {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    if (existsSync(fileURLToPath(new URL('package.json', dir)))) return dir;
    if (dir.pathname === '/') return new URL('../../', import.meta.url);
  }
}

const PACKAGE_ROOT = packageRoot();
/** The templates/ folder shipped with the tool. */
export const TEMPLATES_URL = new URL('templates/', PACKAGE_ROOT);
const PACKAGE_URL = new URL('package.json', PACKAGE_ROOT);

/** A template's text; a missing template is a broken installation, so it throws. */
export function readTemplate(relative: string): string {
  return readFileSync(new URL(relative, TEMPLATES_URL), 'utf8');
}

/** This tool's published npm name and version, from its package.json. */
export function toolPackage(): ToolPackage {
  const pkg = JSON.parse(readFileSync(PACKAGE_URL, 'utf8')) as ToolPackage;
  return { name: pkg.name, version: pkg.version };
}
