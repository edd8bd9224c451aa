import { areaFileName } from '../../model/area-file-name.js';
import { diagnosticAt, type Diagnostic } from '../../model/diagnostic.js';
import { measurePath, taskPath, type Ledger } from '../../model/ledger.js';
import type { Check } from './check.js';

/** A task id starts with its area number, a measure id with its task id; file names carry the area number. */
export const consistentIds: Check = {
  name: 'consistent-ids',
  run(ledger: Ledger): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { file, data, locate, origin } of ledger.areas) {
      const fileNumber = parseInt(file.split('/').pop() ?? '', 10);
      if (fileNumber !== data.area) {
        out.push(
          diagnosticAt(locate(['area']), {
            code: 'id/file-name',
            message: `文件名中的序号 ${fileNumber} 与 area: ${data.area} 不一致`,
            hint: `把文件改名为 ${areaFileName(data)}，或改正 area`,
          }),
        );
      }
      data.tasks.forEach((task, t) => {
        if (!task.id.startsWith(`${data.area}.`)) {
          out.push(
            diagnosticAt(locate([...taskPath({ origin }, t), 'id']), {
              code: 'id/mismatch',
              message: `目标任务编号 ${task.id} 不属于主要指标 ${data.area}`,
              hint: `编号应以 ${data.area}. 开头，例如 ${data.area}.${t + 1}`,
            }),
          );
        }
        task.measures.forEach((measure, m) => {
          if (!measure.id.startsWith(`${task.id}.`)) {
            out.push(
              diagnosticAt(locate([...measurePath({ origin }, t, m), 'id']), {
                code: 'id/mismatch',
                message: `具体措施编号 ${measure.id} 不属于目标任务 ${task.id}`,
                hint: `编号应以 ${task.id}. 开头，例如 ${task.id}.${m + 1}`,
              }),
            );
          }
        });
      });
    }
    return out;
  },
};
