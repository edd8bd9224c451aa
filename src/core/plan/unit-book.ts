import { diagnosticAt, type Diagnostic } from '../model/diagnostic.js';
import type { UnitRegistry } from '../model/units.js';
import type { PlanPlace } from './plan.js';
import { segmentUnits, splitTrailingUnits } from './unit-segmenter.js';

/**
 * Reads every unit name of one plan against the registry and keeps one list of the names it does
 * not know, each once, with how often and where first. With newUnits, those names are taken as
 * new units (written to units.yaml once each); otherwise they are one diagnostic each.
 */
export class UnitBook {
  private readonly unknown = new Map<string, { count: number; at: PlanPlace }>();

  constructor(
    private readonly registry: UnitRegistry,
    private readonly newUnits: boolean,
  ) {}

  /** Canonical names in `text` (unknown ones too, with newUnits), and whether it adds “等相关部门”. */
  read(text: string | undefined, at: PlanPlace): { units: string[]; related: boolean; unknown: string[] } {
    if (!text) return { units: [], related: false, unknown: [] };
    const segmented = segmentUnits(this.registry, text);
    for (const name of segmented.unknown) {
      const seen = this.unknown.get(name);
      if (seen) seen.count++;
      else this.unknown.set(name, { count: 1, at });
    }
    const units = this.newUnits ? [...segmented.units, ...segmented.unknown] : segmented.units;
    return { units: [...new Set(units)], related: segmented.related, unknown: segmented.unknown };
  }

  /** Registered names glued to the end of a title (“…监管体系市市场监管局”). */
  splitTrailing(text: string): { head: string; units: string[] } | undefined {
    return splitTrailingUnits(this.registry, text);
  }

  /**
   * The new units' names: a name written both bare and with its 市/区/县 (“财政局”, “区财政局”)
   * is one unit, the longer name. Returns written → name.
   */
  newNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const name of this.unknown.keys()) {
      const prefixed = ['市', '区', '县'].map((p) => `${p}${name}`).filter((n) => this.unknown.has(n));
      names.set(name, prefixed.length === 1 ? prefixed[0]! : name);
    }
    return names;
  }

  /** One diagnostic per unknown name, in order of first appearance (none with newUnits). */
  diagnostics(file: string): Diagnostic[] {
    if (this.newUnits) return [];
    return [...this.unknown].map(([name, { count, at }]) =>
      diagnosticAt(
        { file, ...at },
        {
          code: 'import/unknown-unit',
          message: `单位“${name}”不在单位名录中（出现 ${count} 次）`,
          hint: `加 --new-units 把它登记为新单位，或在 ledger/units.yaml 中给已有单位加别称“${name}”`,
        },
      ),
    );
  }

  /** The unknown names with their counts, for the preview. */
  unknownCounts(): { name: string; count: number }[] {
    return [...this.unknown].map(([name, { count }]) => ({ name, count }));
  }
}
