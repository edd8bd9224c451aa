import type { UnitRegistry } from '../../model/units.js';
import { maxOf } from '../../model/arrays.js';

/**
 * Reads a 责任部门 cell of the source document into canonical unit names.
 * The cell was flattened from a table, so names may be split across lines,
 * separators may be lost (“发改委财政局”) and bare names inherit the city
 * prefix of the name before them (“市审批局、公安局” means 市公安局).
 */
export interface SegmentedUnits {
  units: string[];
  /** The cell ends with “等相关部门”. */
  related: boolean;
  /** Pieces that match no registered unit. */
  unknown: string[];
}

/** Source scars that no rule can repair, each seen in the 2020 document. */
const SOURCE_CORRECTIONS: Record<string, string> = {
  // 13.2.4: the leading “市市” of 市市场监管局 was lost at a line break.
  场监管局: '市市场监管局',
};

const SEPARATORS = /[、,，;；\s]+/;

export function segmentUnits(registry: UnitRegistry, cell: string): SegmentedUnits {
  const related = /等(相关)?部门|等相关单位/.test(cell);
  const cleaned = cell.replace(/等相关部门|等相关单位|等部门/g, '、');
  const units: string[] = [];
  const unknown: string[] = [];
  const surfaces = surfaceForms(registry);
  for (const token of cleaned.split(SEPARATORS).filter(Boolean)) {
    const found = segmentToken(token, surfaces);
    if (!found) unknown.push(token);
    for (const name of found ?? []) if (!units.includes(name)) units.push(name);
  }
  return { units, related, unknown };
}

/** Every written form that names a unit: canonical names, aliases, their forms without 市, and known scars. */
function surfaceForms(registry: UnitRegistry): Map<string, string> {
  const forms = new Map<string, string>(Object.entries(SOURCE_CORRECTIONS));
  for (const [name, canonical] of registry.names) {
    forms.set(name, canonical);
    if (name.startsWith('市') && name.length > 2 && !forms.has(name.slice(1))) forms.set(name.slice(1), canonical);
  }
  return forms;
}

/** Splits a token into known names, longest match first; undefined when some part is unknown. */
function segmentToken(token: string, surfaces: Map<string, string>): string[] | undefined {
  const whole = surfaces.get(token);
  if (whole) return [whole];
  const longest = maxOf([...surfaces.keys()].map((k) => k.length));
  const out: string[] = [];
  let at = 0;
  while (at < token.length) {
    let matched = 0;
    for (let length = Math.min(longest, token.length - at); length >= 2; length--) {
      const name = surfaces.get(token.slice(at, at + length));
      if (name) {
        out.push(name);
        matched = length;
        break;
      }
    }
    if (matched === 0) return undefined;
    at += matched;
  }
  return out;
}

/** The shortest suffix of `text` that reads entirely as unit names, e.g. the lead glued to an area title. */
export function splitTrailingUnits(
  registry: UnitRegistry,
  text: string,
): { head: string; units: string[] } | undefined {
  for (let at = 1; at < text.length; at++) {
    const segmented = segmentUnits(registry, text.slice(at));
    if (segmented.unknown.length === 0 && segmented.units.length > 0)
      return { head: text.slice(0, at), units: segmented.units };
  }
  return undefined;
}
