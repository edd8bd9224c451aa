import { UsageError } from '../../errors.js';

export interface AreaChoice {
  area: number;
  title: string;
}

/**
 * The area number for a command-line value: its number, or a word from its
 * title that only one area has. Anything else is a UsageError listing the areas.
 */
export function resolveAreaOption(areas: readonly AreaChoice[], typed: string, flag = '--area'): number {
  const value = typed.trim();
  const found = /^\d+$/.test(value)
    ? areas.filter((a) => a.area === Number(value))
    : value === ''
      ? []
      : areas.filter((a) => a.title.includes(value));
  if (found.length === 1) return found[0]!.area;
  const list = areas.map((a) => `${a.area} ${a.title}`).join('；') || '（台账中还没有主要指标）';
  const what = found.length > 1 ? '对应多个主要指标' : '不是台账中的主要指标';
  throw new UsageError(
    `${flag} “${typed}”${what}`,
    `用编号或标题中的词，例如 ${flag} ${areas[0]?.area ?? 1}。现有：${list}`,
  );
}
