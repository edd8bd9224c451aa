import { diagnosticAt, type Diagnostic, type SourcePosition } from '../../model/diagnostic.js';
import { measurePath, taskPath, type Ledger } from '../../model/ledger.js';
import type { Check } from './check.js';

/** Area numbers, task ids and measure ids are each unique across the ledger. */
export const uniqueIds: Check = {
  name: 'unique-ids',
  run(ledger: Ledger): Diagnostic[] {
    // Positions are looked up only for duplicates: locating every id costs more than the check itself.
    const seen = new Map<string, () => SourcePosition>();
    const out: Diagnostic[] = [];
    const claim = (key: string, label: string, at: () => SourcePosition) => {
      const first = seen.get(key);
      if (!first) return void seen.set(key, at);
      const { file, line, col } = first();
      out.push(
        diagnosticAt(at(), {
          code: 'id/duplicate',
          message: `${label} 重复，首次出现在 ${file}:${line}:${col}`,
          hint: '每个编号只能出现一次；按文件中的顺序重新编号',
        }),
      );
    };
    for (const { data, locate, origin } of ledger.areas) {
      claim(`area:${data.area}`, `主要指标序号 ${data.area}`, () => locate(['area']));
      data.tasks.forEach((task, t) => {
        claim(`task:${task.id}`, `目标任务编号 ${task.id}`, () => locate([...taskPath({ origin }, t), 'id']));
        task.measures.forEach((measure, m) => {
          claim(`measure:${measure.id}`, `具体措施编号 ${measure.id}`, () =>
            locate([...measurePath({ origin }, t, m), 'id']),
          );
        });
      });
    }
    return out;
  },
};
