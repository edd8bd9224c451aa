import type { Unit, UnitsFile } from './schema.js';
import { lookAlikeDifference, unitKey } from './unit-names.js';

/** The units registry (ledger/units.yaml), indexed for lookups. */
export interface UnitRegistry {
  units: readonly Unit[];
  /** Canonical name → unit. */
  byName: ReadonlyMap<string, Unit>;
  /** Canonical name or alias → canonical name. */
  names: ReadonlyMap<string, string>;
  /** Member → the groups it belongs to. */
  groupsOfMember: ReadonlyMap<string, readonly string[]>;
}

export function buildUnitRegistry(file: UnitsFile): UnitRegistry {
  const byName = new Map<string, Unit>();
  const names = new Map<string, string>();
  const groupsOfMember = new Map<string, string[]>();
  for (const unit of file.units) {
    if (!byName.has(unit.name)) byName.set(unit.name, unit);
    names.set(unit.name, unit.name);
  }
  for (const unit of file.units) {
    for (const alias of unit.aliases ?? []) if (!names.has(alias)) names.set(alias, unit.name);
    for (const member of unit.members ?? []) {
      groupsOfMember.set(member, [...(groupsOfMember.get(member) ?? []), unit.name]);
    }
  }
  return { units: file.units, byName, names, groupsOfMember };
}

/**
 * The canonical name for what a person typed: the name itself, an alias, or a
 * bare name that inherits the city prefix (“公安局” → “市公安局”).
 */
export function resolveUnit(registry: UnitRegistry, typed: string): string | undefined {
  const name = typed.trim();
  return registry.names.get(name) ?? registry.names.get(`市${name}`);
}

export function isGroup(registry: UnitRegistry, name: string): boolean {
  return (registry.byName.get(name)?.members?.length ?? 0) > 0;
}

/** The units that report for these responsible units: groups are replaced by their members. */
export function reportingUnits(registry: UnitRegistry, units: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of units) {
    const members = registry.byName.get(name)?.members;
    for (const unit of members && members.length > 0 ? members : [name]) {
      if (!out.includes(unit)) out.push(unit);
    }
  }
  return out;
}

/** Whether `unit` is responsible for a measure with these units, directly or through a group. */
export function isResponsible(registry: UnitRegistry, units: readonly string[], unit: string): boolean {
  if (units.includes(unit)) return true;
  return (registry.groupsOfMember.get(unit) ?? []).some((group) => units.includes(group));
}

/**
 * When `typed` is not registered but looks exactly like a registered name or alias (an invisible
 * character, a compatibility ideograph): a sentence that says so and names the odd characters, so
 * the message never shows two names that read the same. Undefined otherwise.
 */
export function lookAlikeNote(registry: UnitRegistry, typed: string): { canonical: string; note: string } | undefined {
  const key = unitKey(typed);
  for (const [name, canonical] of registry.names) {
    if (name !== typed && unitKey(name) === key) {
      const shown = name === canonical ? name : `${name}（${canonical}）`;
      return { canonical, note: `它看起来与登记的 ${shown} 一样，但${lookAlikeDifference(typed, name)}` };
    }
  }
  return undefined;
}

/** Up to `max` registered names close to what was typed, nearest first. */
export function suggestUnits(registry: UnitRegistry, typed: string, max = 3): string[] {
  const scored: { name: string; distance: number }[] = [];
  for (const [alias, canonical] of registry.names) {
    const distance = Math.min(editDistance(typed, alias), editDistance(`市${typed}`, alias));
    const limit = Math.max(1, Math.floor(Math.max(typed.length, alias.length) / 3));
    const contains = alias.includes(typed) || typed.includes(alias);
    if (distance <= limit || (contains && typed.length >= 2)) scored.push({ name: canonical, distance });
  }
  scored.sort((a, b) => a.distance - b.distance);
  return [...new Set(scored.map((s) => s.name))].slice(0, max);
}

export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, i) => i);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[right.length]!;
}
