import { Document } from 'yaml';
import type { Decision } from '../core/model/decision.js';

const WRITERS: Record<Decision['decision'], string> = {
  核验: 'ledger verify',
  退回: 'ledger verify --reject',
  批准延期: 'ledger extend --approve',
  驳回延期: 'ledger extend --reject',
  督办: 'ledger notice --issue',
  收件: 'ledger receive',
};

/** A decision file: the decision's fields, with a header saying who owns it and what wrote it. */
export function renderDecisionYaml(decision: Decision): string {
  const doc = new Document(decision);
  doc.commentBefore = [
    ` ${decision.by} 的决定：${decision.decision}（${decision.on}，由 ${WRITERS[decision.decision]} 写入）`,
    ' 决定文件是记录：写入后不再修改或删除；ledger check 依据它核对台账中相应的修改。',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
