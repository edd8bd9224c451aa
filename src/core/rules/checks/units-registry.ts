import { diagnosticAt, type Diagnostic } from '../../model/diagnostic.js';
import type { Ledger } from '../../model/ledger.js';
import type { Check } from './check.js';

/** Names and aliases in units.yaml are unique, and group members are registered units. */
export const unitsRegistry: Check = {
  name: 'units-registry',
  run(ledger: Ledger): Diagnostic[] {
    const source = ledger.unitsFile;
    if (!source) return [];
    const out: Diagnostic[] = [];
    const owner = new Map<string, string>();
    source.data.units.forEach((unit, i) => {
      const names = [unit.name, ...(unit.aliases ?? [])];
      names.forEach((name, k) => {
        const path = k === 0 ? ['units', i, 'name'] : ['units', i, 'aliases', k - 1];
        const first = owner.get(name);
        if (first !== undefined) {
          out.push(
            diagnosticAt(source.locate(path), {
              code: 'units/duplicate',
              message: `单位名称或别名“${name}”重复（已用于 ${first}）`,
              hint: '每个名称和别名只能指向一个单位',
            }),
          );
        } else owner.set(name, unit.name);
      });
    });
    source.data.units.forEach((unit, i) => {
      (unit.members ?? []).forEach((member, k) => {
        if (!ledger.units.byName.has(member)) {
          out.push(
            diagnosticAt(source.locate(['units', i, 'members', k]), {
              code: 'units/unknown-member',
              message: `${unit.name} 的成员单位“${member}”没有在名录中登记`,
              hint: `在 units 列表中加一项 - name: ${member}`,
            }),
          );
        }
      });
    });
    return out;
  },
};
