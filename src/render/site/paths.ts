import { safeFileName as safeName } from '../../core/model/safe-names.js';

/**
 * Where each page of the site lives, relative to the site's root. Names come from ledger ids and
 * unit names, made safe and unique by safeFileName (core/model/safe-names.ts): no name can leave
 * its folder or take the place of a list page (a unit named `index`).
 */
export const SITE_PAGES = {
  overview: 'index.html',
  overdue: 'overdue.html',
  reporting: 'reporting.html',
  search: 'search.html',
  areas: 'areas/index.html',
  leads: 'leads/index.html',
  units: 'units/index.html',
  css: 'assets/site.css',
  js: 'assets/site.js',
} as const;

export const areaPage = (area: number) => `areas/${area}.html`;
export const leadPage = (lead: string) => `leads/${safeName(lead)}.html`;
export const unitPage = (unit: string) => `units/${safeName(unit)}.html`;
export const measurePage = (id: string) => `measures/${safeName(id)}.html`;

/** A link from the page at `from` to the page at `to` (both site-relative), with each step URL-encoded. */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to.split('/').map(encodeURIComponent).join('/');
}
