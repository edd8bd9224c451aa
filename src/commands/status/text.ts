import { pushAll } from '../../core/model/arrays.js';
import { noticeCountsText } from '../../core/rules/supervision-record.js';
import type { StatusResult, UnitMeasureItem } from './run.js';
import { lightLabel, redMonthsText } from '../../core/rules/remembered-lights.js';
import { waitingText } from '../../core/rules/part-text.js';
import type { Counts } from '../../core/rules/rollup.js';
import { DEADLINE_MIN_WIDTH, deadlineText, stateText } from '../../render/measure-state-text.js';
import type { ColumnWrap, TableFallback } from '../../render/table-fit.js';
import { renderTable, terminalStyle, wrapLines, type Align, type TerminalStyle } from '../../render/terminal-style.js';
import { safeText } from '../../render/safe-text.js';

const COUNT_HEAD = ['措施', '已完成', '推进中', '未启动', '逾期', '临期', '长期/适时', '完成率', '状态灯'];
const COUNT_ALIGN: Align[] = [...Array<Align>(8).fill('right'), 'center'];
/**
 * The count columns a narrow terminal gives up, in this order (index in COUNT_HEAD): 长期/适时, 未启动, 推进中,
 * 措施, 完成率. 已完成, 逾期, 临期 and the 状态灯 always stay.
 */
const COUNT_DROP_ORDER = [6, 3, 2, 0, 7];

export const LIGHT_LEGEND =
  '状态灯：红 = 有逾期措施；黄 = 无逾期，但有临期措施、长期/适时事项未报进展或上月末逾期的措施刚补齐；绿 = 其余。';

export interface StatusTextOptions {
  color: boolean;
  /** Terminal width to fit tables and wrap text into; undefined: fixed column widths, no wrapping of text lines. */
  width?: number;
}

/** `ledger status` for a terminal: a heading, one table, a legend. */
export function renderStatusText(result: StatusResult, options: StatusTextOptions): string {
  const style = terminalStyle(options.color);
  if (result.view === 'lead' && result.rows.length === 0) {
    const none = `${result.lead} 没有牵头的目标任务；查看它承担的措施请用 ledger status --unit ${result.lead}`;
    return `${wrapLines([heading(result), none], options.width).join('\n')}\n`;
  }
  const lines = [
    ...wrapLines([heading(result), style.dim(result.version.label)], options.width),
    table(result, style, options.width),
    ...wrapLines(footer(result, style), options.width),
  ];
  return `${lines.join('\n')}\n`;
}

function heading(result: StatusResult): string {
  const when = `截至 ${result.asOf}（临期：${result.dueSoonDays} 天内到期；严重逾期：逾期超过 ${result.escalationDays} 天）`;
  switch (result.view) {
    case 'unit':
      return `${result.unit} 的责任措施${result.groups.length > 0 ? `（含经由 ${result.groups.join('、')} 承担的）` : ''}　${when}`;
    case 'lead':
      return `${result.lead} 牵头的目标任务　${when}`;
    case 'by-unit':
      return `按责任单位（单位组按成员单位分别计）　${when}`;
    case 'by-lead':
      return `按牵头单位　${when}`;
    default:
      return `${result.title}　${when}`;
  }
}

function table(result: StatusResult, style: TerminalStyle, width: number | undefined): string {
  switch (result.view) {
    case 'unit':
      return unitTable(result.items, result.unit, style, width);
    case 'lead':
      return countTable(
        ['编号', '目标任务'],
        result.rows.map((r) => [r.taskId, r.title, ...countCells(r, style)]),
        result.total,
        style,
        { width, wrap: [undefined, 'text'] },
      );
    case 'by-unit':
      return countTable(
        ['责任单位'],
        result.rows.map((r) => [r.unit, ...countCells(r, style)]),
        result.total,
        style,
        { width, wrap: ['list'], totalLabel: '全部措施' },
      );
    case 'by-lead': {
      const rows = result.rows.map((r) => [r.lead, r.areas.join('、'), ...countCells(r, style)]);
      const areaCounts = [...result.rows.map((r) => `${r.areas.length} 个`), ''];
      return countTable(['牵头单位', '主要指标'], rows, result.total, style, {
        width,
        wrap: ['list', 'list'],
        totalLabel: '全部措施',
        first: [{ column: 1, cells: areaCounts, note: '“主要指标”只显示个数' }],
      });
    }
    default:
      return countTable(
        ['序号', '主要指标'],
        result.rows.map((r) => [String(r.area), r.title, ...countCells(r, style)]),
        result.total,
        style,
        { width, wrap: [undefined, 'text'] },
      );
  }
}

interface CountLayout {
  width: number | undefined;
  /** How the label columns before the counts may wrap to fit the width. */
  wrap: (ColumnWrap | undefined)[];
  totalLabel?: string;
  /** Fallbacks before the count columns are dropped. */
  first?: TableFallback[];
}

function countTable(
  head: string[],
  rows: string[][],
  total: Counts,
  style: TerminalStyle,
  layout: CountLayout,
): string {
  const totalRow = [
    style.head(layout.totalLabel ?? '合计'),
    ...Array<string>(head.length - 1).fill(''),
    ...countCells(total, style),
  ];
  const align: Align[] = [...Array<Align>(head.length).fill('left'), ...COUNT_ALIGN];
  const wrap = [
    ...layout.wrap,
    ...Array<undefined>(head.length - layout.wrap.length),
    ...COUNT_HEAD.map((h): ColumnWrap | undefined => (h.includes('/') ? 'head' : undefined)),
  ];
  const fallbacks: TableFallback[] = [
    ...(layout.first ?? []),
    ...COUNT_DROP_ORDER.map((i) => ({ column: head.length + i, drop: true as const })),
  ];
  return renderTable([...head, ...COUNT_HEAD], [...rows, totalRow], align, style, {
    width: layout.width,
    wrap,
    fallbacks,
  });
}

export function countCells(c: Counts, style: TerminalStyle): string[] {
  const nonZero = (n: number, paint: (t: string) => string) => (n > 0 ? paint(String(n)) : String(n));
  return [
    String(c.measures),
    String(c.done),
    String(c.inProgress),
    String(c.notStarted),
    nonZero(c.overdue, c.escalated > 0 ? style.worse : style.bad),
    nonZero(c.dueSoon, style.warn),
    String(c.ongoing),
    `${c.completionPercent}%`,
    lightLabel(c, false).replace(c.light, style.light(c.light)),
  ];
}

function unitTable(
  items: readonly UnitMeasureItem[],
  unit: string,
  style: TerminalStyle,
  width: number | undefined,
): string {
  const reported = items.some((i) => i.ownReport);
  const rows = items.map((i) => [
    i.id,
    i.title,
    deadlineText(i.deadline, i.state, '\n'),
    ownText(i, style),
    wholeText(i, style),
    ...(reported
      ? [i.ownReport ? `${i.ownReport.month} ${i.ownReport.pending ?? i.ownReport.status}` : style.dim('未报')]
      : []),
    i.leads.join('、'),
  ]);
  const head = ['编号', '具体措施', '完成时限', '本单位', '整体', ...(reported ? [`${unit}报送`] : []), '牵头单位'];
  const maxWidths = [undefined, 40, 26, undefined, 20, ...(reported ? [undefined] : []), 20];
  const wrap: (ColumnWrap | undefined)[] = [
    undefined,
    'text',
    'text',
    'text',
    'text',
    ...(reported ? ['text' as const] : []),
    'list',
  ];
  const minWidths = [undefined, undefined, DEADLINE_MIN_WIDTH, undefined, undefined, ...(reported ? [7] : [])];
  // A narrow terminal gives up 牵头单位 first, then the unit's report month (本单位 still has its status), then
  // 完成时限 (本单位 and 整体 count the days to it).
  const fallbacks: TableFallback[] = [
    { column: head.length - 1, drop: true },
    ...(reported ? [{ column: 5, drop: true as const }] : []),
    { column: 2, drop: true },
  ];
  return renderTable(head, rows, Array<Align>(head.length).fill('left'), style, {
    maxWidths,
    wrap,
    minWidths,
    width,
    fallbacks,
  });
}

/** The unit's own part: its status (未报送 when it never reported) and, when it says more, its state on the day. */
function ownText(item: UnitMeasureItem, style: TerminalStyle): string {
  // 已完成 waiting for the lead's verification (require_verification) is not finished yet: 待核验.
  const own = item.ownReport?.pending ?? item.status;
  const status = item.reported || item.status === '已完成' ? own : style.dim('未报送');
  const state = stateText(item.state);
  return state === item.status ? status : `${status}\n${style.phase(item.state.phase, state)}`;
}

/** The whole measure beside the unit's part: 已完成, or who it waits for (and its overdue days). */
function wholeText(item: UnitMeasureItem, style: TerminalStyle): string {
  if (item.parts.length < 2) return style.dim('—');
  if (item.whole.status === '已完成') return '已完成';
  const waiting = item.parts.some((p) => p.reported) ? waitingText(item.parts) : item.whole.status;
  return item.whole.state.overdue ? `${waiting}（${stateText(item.whole.state)}）` : waiting;
}

function footer(result: StatusResult, style: TerminalStyle): string[] {
  const t = result.total;
  const lines: string[] = [];
  if (result.view === 'unit') {
    lines.push(
      `共 ${t.measures} 项：已完成 ${t.done}，推进中 ${t.inProgress}，未启动 ${t.notStarted}；逾期 ${t.overdue}，临期 ${t.dueSoon}；状态灯 ${style.light(t.light)}`,
    );
    lines.push(
      style.dim(
        '本单位：本单位最近一次报送的状态，逾期按本单位的时限（含批准给本单位的延期）；整体：全部责任单位都完成才算完成。',
      ),
    );
  }
  if (t.escalated > 0)
    lines.push(
      style.worse(`其中严重逾期 ${t.escalated} 项（逾期超过 ${result.escalationDays} 天）。`) +
        '用 ledger overdue 查看清单。',
    );
  if (t.noProgress > 0) lines.push(style.warn(`长期/适时事项中有 ${t.noProgress} 项未报应报月份的进展。`));
  pushAll(lines, [...rememberedLines(result, style)]);
  lines.push(style.dim(`${LIGHT_LEGEND}逾期：完成时限（月底/年底）的次日起仍未完成。`));
  if (result.problems > 0)
    lines.push(
      style.warn(
        `注意：台账中有 ${result.problems} 处错误${problemFilesText(result.problemFiles)}，出错的措施未计入以上数字；运行 ledger validate 查看。`,
      ),
    );
  return lines;
}

/** 连续 N 个月红灯 rows and the 补齐 measures, when the lights remembered month ends (status --as-of reads them from Git). */
function rememberedLines(result: StatusResult, style: TerminalStyle): string[] {
  const lines: string[] = [];
  if (result.view === 'by-area' || result.view === 'by-unit') {
    const named = result.rows.map((r) => ({
      name: 'unit' in r ? r.unit : `${r.area}. ${r.title}`,
      months: r.redMonths,
    }));
    const streaks = named.flatMap(({ name, months }) => (months ? [`${name} ${redMonthsText(months)}`] : []));
    if (streaks.length > 0) lines.push(style.bad(`红灯预警：${streaks.join('；')}。`));
  }
  if (result.view === 'unit' && result.redMonths)
    lines.push(style.bad(`红灯预警：${result.unit} ${redMonthsText(result.redMonths)}。`));
  if (result.total.caughtUp > 0)
    lines.push(
      style.warn(
        `补齐 ${result.total.caughtUp} 项：上月末（${result.monthEnds![0]}）逾期、现已完成，本月按黄灯（补齐）计，不算绿灯。`,
      ),
    );
  return lines;
}

/** 督办单 per unit this year (with --by unit) and the parts waiting for verification. */
export function renderSupervisionLines(result: StatusResult): string {
  const record = result.supervision;
  if (!record) return '';
  const lines: string[] = [];
  const units = Object.entries(record.notices);
  if (result.view === 'by-unit' && units.length > 0) {
    const list = units.map(([unit, counts]) => `${unit} ${noticeCountsText(counts)}`).join('；');
    lines.push(`${record.noticesSince.slice(0, 4)} 年收到的督办单（蓝/黄/红）：${list}`);
  }
  if (record.pendingVerification > 0)
    lines.push(`待核验 ${record.pendingVerification} 项：单位已报“已完成”，等待牵头单位 ledger verify 核验销号。`);
  return lines.join('\n');
}

/** `（在 ledger/02-….yaml、… 中）`: where the errors are, at most three files named. */
function problemFilesText(files: readonly string[] | undefined): string {
  if (!files || files.length === 0) return '';
  const shown = files
    .slice(0, 3)
    .map((file) => safeText(file))
    .join('、');
  return `（在 ${shown}${files.length > 3 ? ` 等 ${files.length} 个文件` : ''} 中）`;
}
