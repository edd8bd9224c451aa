import { diagnosticAt, type Diagnostic } from '../model/diagnostic.js';
import { buildUnitRegistry, type UnitRegistry } from '../model/units.js';
import type { PlanPlace } from './plan.js';
import { segmentUnits, splitTrailingUnits } from './unit-segmenter.js';

/**
 * Reads every unit name of one plan against the registry and keeps one list of the names it does
 * not know, each once, with how often and where first.
 */
export class UnitBook {
  private readonly unknown = new Map<string, { count: number; at: PlanPlace; name: string }>();

  constructor(private readonly registry: UnitRegistry) {}

  /** Canonical names in `text`, the names it does not know, and whether it adds “等相关部门”. */
  read(text: string | undefined, at: PlanPlace): { units: string[]; related: boolean; unknown: string[] } {
    if (!text) return { units: [], related: false, unknown: [] };
    const segmented = segmentUnits(this.registry, text);
    const prefix = /^\s*([市区县])/.exec(text)?.[1];
    for (const written of segmented.unknown) {
      const seen = this.unknown.get(written);
      if (seen) seen.count++;
      else this.unknown.set(written, { count: 1, at, name: inherited(written, prefix) });
    }
    return segmented;
  }

  /** Registered names glued to the end of a title (“…监管体系市市场监管局”). */
  splitTrailing(text: string): { head: string; units: string[] } | undefined {
    return splitTrailingUnits(this.registry, text);
  }

  /** One diagnostic per unknown name, in order of first appearance. */
  diagnostics(file: string): Diagnostic[] {
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

  /** The unknown names as written, with their counts. */
  unknownCounts(): { name: string; count: number }[] {
    return [...this.unknown].map(([name, { count }]) => ({ name, count }));
  }

  /**
   * The registry with the unknown names added as units, for --new-units: a bare department name
   * takes the 市/区/县 its cell starts with (“市审批局、人社局” → 市人社局, as the document means);
   * a name written both bare and prefixed is one unit; a name that is others glued together (a lost
   * separator: “石嘴山供电公司市住建局” where 市住建局 is known) is taken apart. Returns the names added.
   */
  extended(): { registry: UnitRegistry; added: string[] } {
    let names = [...new Set([...this.unknown.values()].map((u) => u.name))];
    names = names.filter((n) => !['市', '区', '县'].some((p) => names.includes(`${p}${n}`)));
    const withOthers = (name: string) =>
      buildUnitRegistry({
        units: [...this.registry.units, ...names.filter((n) => n !== name).map((n) => ({ name: n }))],
      });
    const added: string[] = [];
    for (const name of names) {
      const split = segmentUnits(withOthers(name), name);
      const glued = split.units.length > 0 && split.units.length + split.unknown.length > 1;
      for (const piece of glued ? split.unknown : [name]) if (!added.includes(piece)) added.push(piece);
    }
    names = added;
    const registry = buildUnitRegistry({ units: [...this.registry.units, ...names.map((name) => ({ name }))] });
    return { registry, added: names };
  }
}

const DEPARTMENT = /(局|委|办|办公室|中心)$/;

function inherited(written: string, prefix: string | undefined): string {
  const bare = !/^[市区县各]/.test(written) && written.length <= 5 && DEPARTMENT.test(written);
  return prefix && bare ? `${prefix}${written}` : written;
}
