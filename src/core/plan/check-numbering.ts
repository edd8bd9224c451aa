import type { DiagnosticInput } from '../model/diagnostic.js';
import type { Area } from '../model/schema.js';
import type { PlanPlace } from './plan.js';

/** Numbering gaps are warnings (ids follow the document's numbers); a measure id given twice is an error. */
export function checkNumbering(areas: readonly Area[], report: (at: PlanPlace, d: DiagnosticInput) => void): void {
  const at = { line: 0, col: 0 };
  const seen = new Set<string>();
  areas.forEach((area, i) => {
    if (area.area !== i + 1)
      report(at, {
        code: 'import/numbering',
        message: `主要指标序号不连续：第 ${i + 1} 个是 ${area.area}`,
        severity: 'warning',
      });
    area.tasks.forEach((task, t) => {
      if (task.id !== `${area.area}.${t + 1}`)
        report(at, { code: 'import/numbering', message: `目标任务编号不连续：${task.id}`, severity: 'warning' });
      task.measures.forEach((measure, m) => {
        if (seen.has(measure.id))
          report(at, { code: 'import/duplicate-id', message: `具体措施编号重复：${measure.id}` });
        seen.add(measure.id);
        if (measure.id !== `${task.id}.${m + 1}`)
          report(at, { code: 'import/numbering', message: `具体措施编号不连续：${measure.id}`, severity: 'warning' });
      });
    });
  });
}
