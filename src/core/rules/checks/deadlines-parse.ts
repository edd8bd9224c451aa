import { parseDeadline } from '../../model/deadline.js';
import { diagnosticAt, type Diagnostic } from '../../model/diagnostic.js';
import { measureRefs, type Ledger } from '../../model/ledger.js';
import type { Check } from './check.js';

/** Every 完成时限 has a form the tool understands. */
export const deadlinesParse: Check = {
  name: 'deadlines-parse',
  run(ledger: Ledger): Diagnostic[] {
    return measureRefs(ledger)
      .filter((ref) => parseDeadline(ref.measure.deadline) === undefined)
      .map((ref) =>
        diagnosticAt(ref.locate([...ref.path, 'deadline']), {
          code: 'deadline/unparseable',
          message: `无法识别具体措施 ${ref.measure.id} 的完成时限“${ref.measure.deadline}”`,
          hint: '可用的写法：2020年底前、2020年6月底前、2020年6月底、7月底前、长期、适时',
        }),
      );
  },
};
