import { lookAlikeNote, resolveUnit, suggestUnits, type UnitRegistry } from '../../core/model/units.js';
import { UsageError } from '../../errors.js';

/** The canonical unit for a command-line value (name, alias or name without 市); unknown → UsageError with “did you mean”. */
export function resolveUnitOption(registry: UnitRegistry, typed: string, flag: string): string {
  const name = resolveUnit(registry, typed);
  if (name) return name;
  const alike = lookAlikeNote(registry, typed.trim());
  if (alike)
    throw new UsageError(`${flag} 的单位“${typed}”不在单位名录中：${alike.note}`, `改为 ${flag} ${alike.canonical}`);
  const suggestions = suggestUnits(registry, typed.trim());
  const hint =
    suggestions.length > 0
      ? `您是不是要找：${suggestions.join('、')}？`
      : '单位名称见 ledger/units.yaml（规范名称或别称均可）';
  throw new UsageError(`${flag} 的单位“${typed}”不在单位名录中`, hint);
}
