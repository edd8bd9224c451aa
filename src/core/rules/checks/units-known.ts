import { diagnosticAt, type Diagnostic, type SourcePosition } from '../../model/diagnostic.js';
import { measurePath, taskPath, type Ledger } from '../../model/ledger.js';
import { lookAlikeNote, resolveUnit, suggestUnits, type UnitRegistry } from '../../model/units.js';
import type { Check } from './check.js';

/** 责任部门 and 牵头单位 are canonical names from units.yaml. */
export const unitsKnown: Check = {
  name: 'units-known',
  run(ledger: Ledger): Diagnostic[] {
    if (!ledger.unitsFile) return [];
    const out: Diagnostic[] = [];
    const check = (name: string, at: () => SourcePosition, role: string) => {
      const problem = unitProblem(ledger.units, name, role);
      if (problem) out.push(diagnosticAt(at(), problem));
    };
    for (const { data, locate, origin } of ledger.areas) {
      data.lead.forEach((name, i) => check(name, () => locate(['lead', i]), '牵头单位'));
      data.tasks.forEach((task, t) => {
        if (task.lead) check(task.lead, () => locate([...taskPath({ origin }, t), 'lead']), '牵头单位');
        task.measures.forEach((measure, m) => {
          measure.units.forEach((name, u) =>
            check(name, () => locate([...measurePath({ origin }, t, m), 'units', u]), '责任部门'),
          );
        });
      });
    }
    return out;
  },
};

function unitProblem(registry: UnitRegistry, name: string, role: string) {
  if (registry.byName.has(name)) return undefined;
  const canonical = resolveUnit(registry, name);
  if (canonical) {
    return {
      code: 'unit/not-canonical',
      message: `${role}“${name}”是 ${canonical} 的别称，台账中请写规范名称`,
      hint: `改为 ${canonical}`,
    };
  }
  const alike = lookAlikeNote(registry, name);
  if (alike)
    return {
      code: 'unit/look-alike',
      message: `${role}“${name}”不在单位名录 ledger/units.yaml 中：${alike.note}`,
      hint: `删除多余的字符，改为 ${alike.canonical}`,
    };
  const near = suggestUnits(registry, name);
  return {
    code: 'unit/unknown',
    message: `${role}“${name}”不在单位名录 ledger/units.yaml 中`,
    hint: near.length > 0 ? `是否应为：${near.join('、')}？` : '在 ledger/units.yaml 中登记这个单位，或改正名称',
  };
}

/** Each task of an area whose leads lead tasks separately (分别牵头) names its own lead, one of the area's. */
export const taskLeadsValid: Check = {
  name: 'task-leads',
  run(ledger: Ledger): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { data, locate, origin } of ledger.areas) {
      data.tasks.forEach((task, t) => {
        if (task.lead && !data.lead.includes(task.lead)) {
          out.push(
            diagnosticAt(locate([...taskPath({ origin }, t), 'lead']), {
              code: 'lead/not-area-lead',
              message: `目标任务 ${task.id} 的牵头单位 ${task.lead} 不在本指标的牵头单位（${data.lead.join('、')}）之中`,
              hint: `改为 ${data.lead.join(' 或 ')}，或把它加入本文件的 lead 列表`,
            }),
          );
        }
        if (!task.lead && data.lead.length > 1) {
          out.push(
            diagnosticAt(locate([...taskPath({ origin }, t)]), {
              code: 'lead/missing',
              message: `本指标由 ${data.lead.join('、')} 分别牵头，目标任务 ${task.id} 需要写明自己的牵头单位`,
              hint: `在该任务下加一行 lead: ${data.lead[0]}`,
            }),
          );
        }
      });
    }
    return out;
  },
};
