import { diagnosticAt, type Diagnostic } from '../../model/diagnostic.js';
import type { Ledger } from '../../model/ledger.js';
import { lookAlikeDifference, unitKey, unitNameProblem } from '../../model/unit-names.js';
import type { Check } from './check.js';

/**
 * Names and aliases in units.yaml follow the unit-name rule and are unique by their look (a
 * zero-width space or a compatibility ideograph makes no second unit); an alias is not another
 * unit's shorthand (税务局 is 市税务局's); group members are registered units.
 */
export const unitsRegistry: Check = {
  name: 'units-registry',
  run(ledger: Ledger): Diagnostic[] {
    const source = ledger.unitsFile;
    if (!source) return [];
    const out: Diagnostic[] = [];
    const push = (path: (string | number)[], code: string, message: string, hint: string) =>
      out.push(diagnosticAt(source.locate(path), { code, message, hint }));
    /** Look (unitKey) → the name first written with it, and its unit. */
    const owner = new Map<string, { name: string; unit: string }>();
    source.data.units.forEach((unit, i) => {
      const names = [unit.name, ...(unit.aliases ?? [])];
      names.forEach((name, k) => {
        const path = k === 0 ? ['units', i, 'name'] : ['units', i, 'aliases', k - 1];
        const problem = unitNameProblem(name);
        if (problem)
          push(path, 'units/bad-name', `单位名称或别名“${name}”${problem}`, '单位名称只用汉字、字母、数字和（）·-');
        const first = owner.get(unitKey(name));
        if (first === undefined) owner.set(unitKey(name), { name, unit: unit.name });
        else if (first.name === name)
          push(
            path,
            'units/duplicate',
            `单位名称或别名“${name}”重复（已用于 ${first.unit}）`,
            '每个名称和别名只能指向一个单位',
          );
        else
          push(
            path,
            'units/duplicate',
            `单位名称或别名“${name}”看起来与 ${first.name}（${first.unit}）一样，但${lookAlikeDifference(name, first.name)}`,
            '每个名称和别名只能指向一个单位；删除看不见的字符或换用常用汉字',
          );
      });
    });
    source.data.units.forEach((unit, i) => {
      (unit.aliases ?? []).forEach((alias, k) => {
        const other = owner.get(unitKey(`市${alias}`));
        if (!alias.startsWith('市') && other && other.unit !== unit.name)
          push(
            ['units', i, 'aliases', k],
            'units/alias-shadows',
            `${unit.name} 的别名“${alias}”是 ${other.unit} 的简称（不带“市”字的名称自动指 ${other.unit}），会让 --unit ${alias} 指向 ${unit.name}`,
            `删除这个别名，或换一个不会与 ${other.unit} 混淆的别名`,
          );
      });
      (unit.members ?? []).forEach((member, k) => {
        if (!ledger.units.byName.has(member))
          push(
            ['units', i, 'members', k],
            'units/unknown-member',
            `${unit.name} 的成员单位“${member}”没有在名录中登记`,
            `在 units 列表中加一项 - name: ${member}`,
          );
      });
    });
    return out;
  },
};
