import { readFileSync } from 'node:fs';
import type { ToolPackage } from '../core/tool-spec.js';

/** The templates/ folder shipped with the tool (same place from src/ and dist/). */
export const TEMPLATES_URL = new URL('../../templates/', import.meta.url);
const PACKAGE_URL = new URL('../../package.json', import.meta.url);

/** A template's text; a missing template is a broken installation, so it throws. */
export function readTemplate(relative: string): string {
  return readFileSync(new URL(relative, TEMPLATES_URL), 'utf8');
}

/** This tool's published npm name and version, from its package.json. */
export function toolPackage(): ToolPackage {
  const pkg = JSON.parse(readFileSync(PACKAGE_URL, 'utf8')) as ToolPackage;
  return { name: pkg.name, version: pkg.version };
}
