import type { UnitRegistry } from '../model/units.js';
import { maxOf } from '../model/arrays.js';

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
/** Words that name no unit but “the departments concerned”: the measure gets related_units. */
const GENERIC = /^.{0,6}?(?:各|有关|相关).{0,4}(?:部门|单位)(?:按职责分工负责|负责|配合)?$/;
/** How a unit's name ends: a piece left over between known names must end like one to count as a name. */
const UNIT_ENDING = /(局|委|办|室|中心|院|行|区|县|部|会|处|所|站|队|公司|集团|厅|署|社|馆|团|支队|大队)$/;

export function segmentUnits(registry: UnitRegistry, cell: string): SegmentedUnits {
  const related = /等(相关)?部门|等相关单位/.test(cell);
  const cleaned = cell.replace(/等相关部门|等相关单位|等部门/g, '、');
  const units: string[] = [];
  const unknown: string[] = [];
  const surfaces = surfaceForms(registry);
  let generic = false;
  for (const token of cleaned.split(SEPARATORS).filter(Boolean)) {
    if (GENERIC.test(token)) {
      generic = true;
      continue;
    }
    const whole = segmentToken(token, surfaces);
    const found = whole ? { units: whole, unknown: [] } : peelToken(token, surfaces);
    for (const piece of found.unknown) if (!unknown.includes(piece)) unknown.push(piece);
    for (const name of found.units) if (!units.includes(name)) units.push(name);
  }
  return { units, related: related || generic, unknown };
}

/**
 * Every written form that names a unit: canonical names, aliases, their forms without the 市, 区 or
 * 县 a document drops (“公安局” in a city's plan is 市公安局, “司法局” in a district's 区司法局), and
 * known scars.
 */
function surfaceForms(registry: UnitRegistry): Map<string, string> {
  const forms = new Map<string, string>(Object.entries(SOURCE_CORRECTIONS));
  for (const [name, canonical] of registry.names) {
    forms.set(name, canonical);
    if (/^[市区县]/.test(name) && name.length > 2 && !forms.has(name.slice(1))) forms.set(name.slice(1), canonical);
  }
  return forms;
}

/** Splits a token into known names, longest match first; undefined when some part is unknown. */
function segmentToken(token: string, surfaces: Map<string, string>): string[] | undefined {
  const whole = surfaces.get(token);
  if (whole) return [whole];
  const pieces = knownPieces(token, surfaces);
  return pieces.every((p) => p.known) ? pieces.map((p) => p.text) : undefined;
}

/** Known names longest first, the rest in runs of unknown characters between them. */
function knownPieces(token: string, surfaces: Map<string, string>): { text: string; known: boolean }[] {
  const longest = maxOf([...surfaces.keys()].map((k) => k.length));
  const out: { text: string; known: boolean }[] = [];
  let at = 0;
  while (at < token.length) {
    let matched = 0;
    for (let length = Math.min(longest, token.length - at); length >= 2; length--) {
      const name = surfaces.get(token.slice(at, at + length));
      if (name) {
        out.push({ text: name, known: true });
        matched = length;
        break;
      }
    }
    if (matched > 0) at += matched;
    else {
      const last = out.at(-1);
      if (last && !last.known) last.text += token[at];
      else out.push({ text: token[at]!, known: false });
      at += 1;
    }
  }
  return out;
}

/**
 * A token with an unknown part: the known names in it count when every unknown part reads as a
 * name of its own (“发改委财政局” with only 发改委 registered: 市发改委 and the unknown 财政局);
 * otherwise the whole token is one unknown name (“区公安局” is not 区 + 市公安局).
 */
function peelToken(token: string, surfaces: Map<string, string>): { units: string[]; unknown: string[] } {
  const pieces = knownPieces(token, surfaces);
  const unknown = pieces.filter((p) => !p.known).map((p) => p.text);
  if (unknown.every((p) => p.length >= 3 && UNIT_ENDING.test(p)))
    return { units: pieces.filter((p) => p.known).map((p) => p.text), unknown };
  return { units: [], unknown: [token] };
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
