// The edits people make to the files of a dated benchmark repository, line by line as in an editor: a unit
// fills in its report form (made by `ledger template`, or last time's form copied to the new month), revises
// a few progress texts before the 20th, and the lead's office notes a remark on one measure of an area file.
// Every value written is one line, double-quoted; `ledger merge` checks every form before it merges.

const PROGRESS = [
  '已召开专题推进会，明确责任分工和时间节点，按计划推进。',
  '已完成系统改造，进入试运行，窗口人员培训已完成。',
  '已印发实施方案，组织各县区对照落实。',
  '线上办理功能已上线，正在收集企业意见并优化流程。',
  '已完成政策梳理，配套制度正在征求意见。',
];
const DONE = '全部事项已办结，佐证材料已归档。';
const WAITING = '尚未启动，正在制定工作方案。';
const REMARKS = ['已电话督促，请按时报送进展。', '牵头单位已现场核实。', '请补充佐证材料。', '纳入下月督查重点。'];

/** A form for `month` made from the unit's last form: the month in its header and its `month:` line. */
export function carryForward(text, month) {
  const from = /^month: "?(\d{4}-\d{2})"?/m.exec(text)?.[1];
  if (!from) throw new Error('报送表没有 month 行');
  const lines = text.split('\n');
  const body = lines.findIndex((line) => line.startsWith('unit:'));
  return lines
    .map((line, i) =>
      i < body && line.startsWith('#')
        ? line.replaceAll(from, month)
        : line.startsWith('month:')
          ? line.replace(from, month)
          : line,
    )
    .join('\n');
}

/**
 * Fills in a form as the unit's clerk would on `day` (YYYY-MM-DD): who filled it in, the date, and for
 * every measure a status that moves on or stays (never back), a progress text and, once done, the
 * completion date and every time node met.
 */
export function fillForm(text, { month, day, clerk, rand }) {
  const lines = text.split('\n');
  const out = [];
  let status;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^(filled_by|reviewed_by|submitted_on): /.exec(line)?.[1];
    if (header) {
      out.push(setValue(line, header === 'submitted_on' ? day : clerk));
      continue;
    }
    const field = /^ {4}(status|progress|completed_on|milestones_met): (.*)$/.exec(line);
    if (!field) {
      out.push(line);
      continue;
    }
    const [, key, rest] = field;
    if (key === 'status') {
      status = nextStatus(
        rest
          .replace(/\s+#.*$/, '')
          .trim()
          .replace(/^["']|["']$/g, ''),
        rand,
      );
      out.push(setValue(line, status, { quote: false }));
    } else if (key === 'progress') {
      const text = status === '已完成' ? DONE : status === '未启动' ? WAITING : pick(PROGRESS, rand);
      out.push(setValue(line, `${month}：${text}`));
      i = skipBlock(lines, i);
    } else if (key === 'completed_on') {
      const empty = /^(""|'')?(\s+#.*)?$/.test(rest);
      out.push(status === '已完成' && empty ? setValue(line, `${month}-15`) : line);
    } else {
      const nodes = Number(/本措施共 (\d+) 个/.exec(rest)?.[1] ?? 0);
      out.push(status === '已完成' && nodes > 0 ? setValue(line, String(nodes), { quote: false }) : line);
    }
  }
  return out.join('\n');
}

/** A revision on `day`: the progress texts of one to three measures get a dated addition. */
export function reviseForm(text, { month, day, rand }) {
  const lines = text.split('\n');
  const at = lines.flatMap((line, i) => (/^ {4}progress: /.test(line) ? [i] : []));
  const count = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < count && at.length > 0; k++) {
    const i = at[Math.floor(rand() * at.length)];
    const skipped = skipBlock(lines, i) - i;
    lines.splice(i, skipped + 1, setValue(lines[i], `${month}：${pick(PROGRESS, rand)}（${day} 补充）`));
    for (let j = 0; j < at.length; j++) if (at[j] > i) at[j] -= skipped;
  }
  return lines.join('\n');
}

/** The lead's office notes a remark on `day` on one measure of an area file. */
export function noteRemark(text, { day, rand }) {
  const lines = text.split('\n');
  const at = lines.flatMap((line, i) => (/^ {8}remark: /.test(line) ? [i] : []));
  if (at.length === 0) return text;
  const i = at[Math.floor(rand() * at.length)];
  const skipped = skipBlock(lines, i) - i;
  lines.splice(i, skipped + 1, setValue(lines[i], `${day} ${pick(REMARKS, rand)}`));
  return lines.join('\n');
}

function nextStatus(was, rand) {
  const r = rand();
  if (was === '未启动') return r < 0.5 ? '推进中' : '未启动';
  if (was === '推进中') return r < 0.25 ? '已完成' : '推进中';
  return '已完成';
}

/** `key: value` with a new value, the line's indent and trailing comment kept. */
function setValue(line, value, { quote = true } = {}) {
  const match = /^(\s*[\w]+: )("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^#]*?)(\s+#.*)?$/.exec(line);
  if (!match) throw new Error(`无法改写这一行：${line}`);
  return `${match[1]}${quote ? JSON.stringify(value) : value}${match[3] ?? ''}`;
}

/** The last line of a value starting at line `i`: a block scalar (| or >) runs on while lines are indented deeper. */
function skipBlock(lines, i) {
  if (!/:\s*[|>][-+]?\d*(\s+#.*)?$/.test(lines[i])) return i;
  const indent = /^ */.exec(lines[i])[0].length;
  let j = i + 1;
  while (j < lines.length && (lines[j].trim() === '' || /^ */.exec(lines[j])[0].length > indent)) j++;
  return j - 1;
}

function pick(list, rand) {
  return list[Math.floor(rand() * list.length)];
}
