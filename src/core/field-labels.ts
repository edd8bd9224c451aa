/** Chinese names of the file fields, used in messages. */
export const FIELD_LABELS: Record<string, string> = {
  area: '主要指标序号',
  title: '标题',
  text: '全文',
  lead: '牵头单位',
  tasks: '目标任务',
  measures: '具体措施',
  id: '编号',
  deadline: '完成时限',
  units: '责任部门',
  related_units: '等相关部门',
  status: '状态',
  progress: '工作完成情况',
  remark: '备注',
  milestones_met: '已完成的时间节点数',
  unit_reports: '各单位报送情况',
  extensions: '延期申请',
  month: '月份',
  problems: '存在问题',
  next_steps: '下步计划',
  evidence: '佐证材料',
  completed_on: '完成日期',
  unit: '报送单位',
  entries: '报送事项',
  extension: '申请延期',
  requested_by: '申请单位',
  requested_in: '申请月份',
  until: '延期至',
  reason: '理由',
  state: '审批状态',
  decided_on: '审批日期',
  decided_by: '审批人',
  decision_reason: '审批意见',
  name: '名称',
  full_name: '全称',
  aliases: '别名',
  members: '成员单位',
  owner: '负责人账号',
  due_soon_days: '临期天数',
  escalation_days: '严重逾期天数',
  report_day: '单位报送日',
  lead_report_day: '牵头单位报送日',
  supervisors: '督办单位',
  ranking: '通报排名权重',
  done_on_time: '按时完成率权重',
  report_month: '本月报送权重',
  report_year: '本年报送权重',
  overdue: '逾期扣分',
  plan_start: '方案开始日期',
  notices: '督办单',
  level: '督办等级',
  issued_on: '督办日期',
  issued_by: '督办单位',
  number: '督办单编号',
  verification: '核验（销号）',
  by: '核验单位',
  on: '核验日期',
  require_verification: '完成须经牵头单位核验',
  notice_issuer: '督办单发文单位',
  notice_blue_days: '蓝色督办天数',
  notice_red_after_days: '黄色督办后升红天数',
  notice_red_overdue_days: '逾期直接红色督办天数',
};

export function fieldLabel(key: string | number | undefined): string {
  if (key === undefined) return '文件';
  if (typeof key === 'number') return `第 ${key + 1} 项`;
  return FIELD_LABELS[key] ? `${key}（${FIELD_LABELS[key]}）` : key;
}

/** A dotted path for messages: tasks[0].measures[2].deadline */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, step) => (typeof step === 'number' ? `${out}[${step}]` : out ? `${out}.${String(step)}` : String(step)),
    '',
  );
}
