/**
 * The parenthesis a plan's item ends with, naming its units (and sometimes its deadline):
 * “（牵头单位：区政府办公室、区司法局；责任单位：区政府有关部门）”, “〔牵头单位:…,责任单位:…〕”,
 * “（市政府办公室牵头，市级各有关部门按职责分工负责）”, “(市审批局牵头)”, “（…分别牵头）”, “（区财政局负责）”.
 * Pure text work: names stay as written (segmentUnits reads them later).
 */
export interface UnitParenthesis {
  /** The item without the parenthesis. */
  text: string;
  leads?: string;
  units?: string;
  deadline?: string;
  /** “分别牵头”: each task has its own lead, in order. */
  separately: boolean;
}

const OPEN = '（(〔【[［';
const CLOSE = '）)〕】]］';
const LABEL =
  /(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|完成时限|完成时间|时间节点|时限)\s*[:：]/g;
const TRIM = /^[\s:：;；,，、。]+|[\s:：;；,，、。]+$/g;
const DUTY_TAIL = /(按职责分工负责|按职责分工落实|按职责负责|按职责落实|配合|参与|协助|负责|落实)$/;

/** The units parenthesis at the end of `line`; undefined when it has none. */
export function trailingUnits(line: string): UnitParenthesis | undefined {
  const body = line.replace(/[\s。；;，,]+$/, '');
  const last = body.at(-1) ?? '';
  let open: number;
  let inner: string;
  if (CLOSE.includes(last)) {
    open = openingBracket(body);
    if (open < 0) return undefined;
    inner = body.slice(open + 1, -1);
  } else if (body.endsWith('牵头')) {
    // A lost closing parenthesis: “…改革(市审批局牵头”.
    open = lastIndexOfAny(body, OPEN);
    if (open < 0 || [...CLOSE].some((c) => body.indexOf(c, open) >= 0)) return undefined;
    inner = body.slice(open + 1);
  } else return undefined;
  const parts = readInner(inner.trim());
  return parts && { text: body.slice(0, open).trim(), ...parts };
}

function readInner(inner: string): Omit<UnitParenthesis, 'text'> | undefined {
  const labels = [...inner.matchAll(LABEL)];
  if (labels.length > 0 && labels[0]!.index === 0) {
    const out: Omit<UnitParenthesis, 'text'> = { separately: false };
    labels.forEach((m, i) => {
      const end = labels[i + 1]?.index ?? inner.length;
      const value = inner.slice(m.index + m[0].length, end).replace(TRIM, '');
      if (value === '') return;
      const label = m[1]!;
      if (label.startsWith('牵头')) out.leads = join(out.leads, value);
      else if (/时限|时间/.test(label)) out.deadline = value;
      else out.units = join(out.units, value);
    });
    return out;
  }
  const lead = /^(.+?)(分别)?牵头(.*)$/.exec(inner);
  if (lead) {
    const rest = lead[3]!.replace(TRIM, '').replace(DUTY_TAIL, '').replace(TRIM, '');
    return { leads: lead[1]!.replace(TRIM, ''), ...(rest ? { units: rest } : {}), separately: Boolean(lead[2]) };
  }
  const duty = /^(.+?)(按职责分工负责|按职责负责|负责)$/.exec(inner);
  return duty ? { units: duty[1]!.replace(TRIM, ''), separately: false } : undefined;
}

function join(before: string | undefined, value: string): string {
  return before ? `${before}、${value}` : value;
}

function openingBracket(body: string): number {
  let depth = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    if (CLOSE.includes(body[i]!)) depth++;
    else if (OPEN.includes(body[i]!) && --depth === 0) return i;
  }
  return -1;
}

function lastIndexOfAny(text: string, chars: string): number {
  return maxIndex([...chars].map((c) => text.lastIndexOf(c)));
}

function maxIndex(indices: readonly number[]): number {
  return indices.reduce((a, b) => (b > a ? b : a), -1);
}
