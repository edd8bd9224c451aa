import { Document, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { FormEntry, ReportForm } from '../core/reports/report-template.js';
import { styleMultiline } from '../core/model/yaml-style.js';

const FIELD_COMMENTS: Record<string, string> = {
  title: '具体措施（仅供参考，合并时忽略）',
  deadline: '完成时限（仅供参考，合并时忽略）',
  status: '状态：未启动 / 推进中 / 已完成',
  progress: '工作完成情况',
  problems: '存在问题',
  next_steps: '下步计划',
  evidence: '佐证材料：仓库中的文件路径或链接，每项一行',
  completed_on: '完成日期 YYYY-MM-DD（已完成时填写）',
  milestones_met: '已完成的时间节点数',
};

/** A report form as commented YAML: what `ledger template` writes and what merge stores for an xlsx form. */
export function renderReportYaml(form: ReportForm): string {
  const header = {
    filled_by: form.header?.filled_by ?? '',
    phone: form.header?.phone ?? '',
    reviewed_by: form.header?.reviewed_by ?? '',
    submitted_on: form.header?.submitted_on ?? '',
    ...(form.header?.received_on ? { received_on: form.header.received_on } : {}),
  };
  const doc = new Document({ unit: form.unit, month: form.month, ...header, entries: form.entries.map(entryData) });
  if (isMap(doc.contents)) decorateHeader(doc.contents);
  doc.commentBefore = [
    ` ${form.unit} ${form.month} 工作台账进展报送（报送截止：${form.due}）`,
    ' 填写说明：每项具体措施填写 status（状态）和 progress（工作完成情况），其余可空着。',
    ' 文字较长或有多行时写成“progress: |”，下一行起缩进书写。',
    ' 填好后运行 ledger validate 检查，再交给牵头单位（或提交合并请求）。',
  ].join('\n');
  const entries = doc.get('entries', true);
  if (isSeq(entries)) {
    entries.items.forEach((item, i) => {
      if (isMap(item)) decorateEntry(item, form.entries[i]!);
    });
    if (entries.items.length === 0) entries.comment = ' 本单位在台账中没有负责的具体措施';
  }
  styleMultiline(doc.contents as Node);
  return doc.toString({ lineWidth: 0 });
}

function entryData(entry: FormEntry): Record<string, unknown> {
  const data: Record<string, unknown> = {
    id: entry.id,
    title: entry.title,
    deadline: entry.deadline,
    status: entry.status,
    progress: entry.progress,
    problems: entry.problems ?? '',
    next_steps: entry.next_steps ?? '',
    evidence: entry.evidence ?? [],
    completed_on: entry.completed_on ?? '',
  };
  if (entry.milestones > 1 || entry.milestones_met !== undefined) data.milestones_met = entry.milestones_met ?? 0;
  if (entry.extension) data.extension = entry.extension;
  return data;
}

const HEADER_COMMENTS: Record<string, string> = {
  filled_by: '填报人',
  phone: '联系电话',
  reviewed_by: '审核人（负责人）',
  submitted_on: '报送日期 YYYY-MM-DD',
  received_on: '牵头单位收到的日期（ledger merge --received 记录）',
};

function decorateHeader(map: YAMLMap): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (HEADER_COMMENTS[key] && isScalar(pair.value)) pair.value.comment = ` ${HEADER_COMMENTS[key]}`;
  }
}

function decorateEntry(map: YAMLMap, entry: FormEntry): void {
  map.commentBefore = ` ${entry.id} ${entry.title}${entry.carried_from ? `（以下沿用 ${entry.carried_from} 已合并的报送，请更新）` : ''}`;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const comment = FIELD_COMMENTS[key];
    if (!comment || !value) continue;
    const extra = key === 'milestones_met' ? `（本措施共 ${entry.milestones} 个：${entry.deadline}）` : '';
    if (isScalar(value) && !String(value.value).includes('\n')) value.comment = ` ${comment}${extra}`;
    else (pair.key as Node).commentBefore = ` ${comment}${extra}`;
  }
  if (!entry.extension)
    map.comment = ' 申请延期时去掉下一行行首的 # 并填写：\n extension: { until: 2020-12-31, reason: 申请延期的理由 }';
}
