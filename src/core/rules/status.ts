/** The stored status vocabulary. Overdue, due soon and the like are computed, never stored. */
export const STATUSES = ['未启动', '推进中', '已完成'] as const;
export type Status = (typeof STATUSES)[number];

/** 督办单 levels, lowest first (蓝 临期提醒, 黄 逾期催办, 红 挂牌督办). */
export const NOTICE_LEVELS = ['蓝', '黄', '红'] as const;

/**
 * A measure's status from its parts' statuses (the one place this rule lives; merge-plan.ts derives
 * the stored status with it): 已完成 when every part is done, 未启动 when no part has started (none
 * reported, or every one 未启动), otherwise 推进中 — 4 of 5 parts done is 推进中, not 未启动.
 */
export function statusFromParts(statuses: readonly Status[]): Status {
  if (statuses.length === 0 || statuses.every((s) => s === '未启动')) return '未启动';
  return statuses.every((s) => s === '已完成') ? '已完成' : '推进中';
}

/** Words offices write for a status, and the status they mean (suggested, never accepted silently). */
export const STATUS_SYNONYMS: Readonly<Record<string, Status>> = {
  进行中: '推进中',
  正在推进: '推进中',
  正在进行: '推进中',
  在推进: '推进中',
  推进: '推进中',
  实施中: '推进中',
  完成: '已完成',
  已办结: '已完成',
  办结: '已完成',
  已落实: '已完成',
  已完结: '已完成',
  未开始: '未启动',
  尚未启动: '未启动',
  未开展: '未启动',
};
