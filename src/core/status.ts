/** The stored status vocabulary. Overdue, due soon and the like are computed, never stored. */
export const STATUSES = ['未启动', '推进中', '已完成'] as const;
export type Status = (typeof STATUSES)[number];

/** 督办单 levels, lowest first (蓝 临期提醒, 黄 逾期催办, 红 挂牌督办). */
export const NOTICE_LEVELS = ['蓝', '黄', '红'] as const;

const RANK: Record<Status, number> = { 未启动: 0, 推进中: 1, 已完成: 2 };

/** The least advanced of several statuses; 未启动 when there are none. */
export function leastAdvanced(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return '未启动';
  return statuses.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
}
