#!/usr/bin/env node
// Writes a synthetic, valid ledger of N measures (deterministic for a seed), shaped like the bundled one:
// areas → tasks → measures, real unit names from ledger/units.yaml, the document's deadline forms.
//   node scripts/generate-ledger.mjs --measures 10000 --seed 1 [--month 2020-07 --reports] --out /tmp/ledger-10k
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The 14 主要指标 of the document and their 牵头单位. */
export const AREA_TITLES = [
  ['持续深化商事制度改革', ['市审批局']],
  ['提升项目建设审批便利度', ['市审批局']],
  ['优化市政设施接入服务', ['石嘴山供电公司', '市住建局']],
  ['优化不动产登记办理', ['市自然资源局']],
  ['推进纳税服务便利化', ['市税务局']],
  ['提升跨境贸易便利化水平', ['市商务局', '石嘴山海关']],
  ['便利企业融资', ['市金融局']],
  ['强化市场主体法治保障', ['市中级人民法院']],
  ['加强就业服务与劳动力市场监察', ['市人社局']],
  ['深化公共资源交易体制改革', ['市公共资源交易中心', '市发改委', '市财政局']],
  ['不断提升政务服务质量和水平', ['市审批局']],
  ['强化知识产权创造保护和运用', ['市市场监管局']],
  ['建立公正规范的市场监管体系', ['市市场监管局']],
  ['营造包容普惠创新环境', ['市发改委']],
];

/** 完成时限 as the document writes them, weighted roughly as it uses them. */
export const DEADLINE_FORMS = [
  ['2020年底前', 50],
  ['2020年6月底前', 10],
  ['2020年9月底前', 6],
  ['2020年6月底、7月底前', 4],
  ['2020年6月底、2020年底前', 3],
  ['2021年底前', 5],
  ['长期', 15],
  ['适时', 4],
];

const VERBS = ['深化', '推进', '优化', '完善', '落实', '健全', '推行', '扩大', '规范', '压减', '加快', '强化'];
const OBJECTS = [
  '企业开办流程',
  '证照分离改革',
  '工程建设项目审批',
  '不动产登记',
  '电力报装服务',
  '水气暖报装',
  '纳税服务',
  '通关便利化',
  '中小企业融资',
  '破产案件审理机制',
  '就业服务',
  '公共资源交易平台',
  '政务服务事项清单',
  '知识产权保护',
  '双随机一公开监管',
  '信用监管体系',
  '一网通办',
  '告知承诺制',
  '区域评估',
  '电子证照应用',
];
const CLAUSES = [
  '实现线上一网一界面、线下一窗一表单',
  '办理时间压缩至1个工作日以内',
  '公布事项清单和事中事后监管措施',
  '推进系统融合、数据共享',
  '清理取消一批缺乏法定依据的审批事项',
  '建立健全工作机制',
  '扩大告知承诺审批范围',
  '实行“容缺受理”和“承诺制”办理',
  '加强部门协同和信息共享',
  '定期通报进展情况',
  '推动政务服务向基层延伸',
  '加大执法检查和责任追究力度',
  '探索建立长效机制',
  '减少企业跑动次数和申报材料',
];
const PROGRESS = [
  '已制定实施方案，正在推进。',
  '已完成系统改造，进入试运行。',
  '已印发通知，组织各县区落实。',
  '已召开专题会议部署，按计划推进。',
  '已完成全部任务。',
];

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tools(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const weighted = (pairs) => {
    let r = rand() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  const sample = (list, n) => {
    const out = [];
    while (out.length < n) {
      const item = pick(list);
      if (!out.includes(item)) out.push(item);
    }
    return out;
  };
  return { int, pick, weighted, sample };
}

/** The bundled registry (ledger/units.yaml): its text, every canonical name (groups too) and the groups' members. */
export function bundledUnits() {
  const text = readFileSync(path.join(REPO, 'ledger/units.yaml'), 'utf8');
  const units = parse(text).units;
  return {
    text,
    names: units.map((u) => u.name),
    members: Object.fromEntries(units.filter((u) => u.members).map((u) => [u.name, u.members])),
  };
}

/** How many areas a ledger of n measures has: the document's 14, then about 100 measures per area. */
export function areaCount(n) {
  return Math.max(1, n <= 1400 ? Math.min(14, n) : Math.ceil(n / 100));
}

const q = (s) => JSON.stringify(s);
const flow = (list) => `[${list.join(', ')}]`;
const previousMonth = (month) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** One measure as data; `reporters` are the units that report on it (groups replaced by their members). */
function makeMeasure(id, t, registry) {
  const units = t.sample(registry.names, t.int(1, 3));
  if (t.int(1, 12) === 1 && !units.includes('各县区')) units.push('各县区');
  const status = t.weighted([
    ['未启动', 45],
    ['推进中', 40],
    ['已完成', 15],
  ]);
  return {
    id,
    title: `${t.pick(VERBS)}${t.pick(OBJECTS)}`,
    text: `${Array.from({ length: t.int(2, 4) }, () => `${t.pick(VERBS)}${t.pick(OBJECTS)}，${t.pick(CLAUSES)}`).join('；')}。`,
    deadline: t.weighted(DEADLINE_FORMS),
    units,
    related: t.int(1, 5) === 1,
    status,
    progress: status === '未启动' ? '' : t.pick(PROGRESS),
    reporters: [...new Set(units.flatMap((u) => registry.members[u] ?? [u]))],
  };
}

function measureYaml(m, reportedIn) {
  const lines = [
    `      - id: ${q(m.id)}`,
    `        title: ${m.title}`,
    `        text: ${m.text}`,
    `        deadline: ${m.deadline}`,
    `        units: ${flow(m.units)}`,
  ];
  if (m.related) lines.push('        related_units: true');
  lines.push(`        status: ${m.status}`, `        progress: ${q(m.progress)}`, '        remark: ""');
  if (m.status !== '未启动') {
    lines.push('        unit_reports:');
    for (const unit of m.reporters) {
      lines.push(
        `          ${unit}:`,
        `            month: ${q(reportedIn)}`,
        `            status: ${m.status}`,
        `            progress: ${q(m.progress)}`,
      );
    }
  }
  return lines.join('\n');
}

function makeArea(number, quota, t, registry) {
  const [baseTitle, lead] = AREA_TITLES[(number - 1) % AREA_TITLES.length];
  const round = Math.floor((number - 1) / AREA_TITLES.length);
  const tasks = [];
  for (let left = quota, task = 1; left > 0; task++) {
    const count = Math.min(left, t.int(1, 6));
    left -= count;
    const id = `${number}.${task}`;
    const measures = Array.from({ length: count }, (_, m) => makeMeasure(`${id}.${m + 1}`, t, registry));
    tasks.push({
      id,
      title: `${t.pick(VERBS)}${t.pick(OBJECTS)}`,
      text: `${t.pick(VERBS)}${t.pick(OBJECTS)}，${t.pick(CLAUSES)}。`,
      lead: lead.length > 1 ? t.pick(lead) : undefined,
      measures,
    });
  }
  return { number, title: round === 0 ? baseTitle : `${baseTitle}之${round + 1}`, lead, tasks };
}

function areaYaml(area, reportedIn) {
  const out = [`area: ${area.number}`, `title: ${area.title}`, `lead: ${flow(area.lead)}`, 'tasks:'];
  for (const task of area.tasks) {
    out.push(`  - id: ${q(task.id)}`, `    title: ${task.title}`, `    text: ${task.text}`);
    if (task.lead) out.push(`    lead: ${task.lead}`);
    out.push('    measures:', ...task.measures.map((m) => measureYaml(m, reportedIn)));
  }
  return `${out.join('\n')}\n`;
}

/** One unit's report for `month`: every measure it reports on moves on a little (or not). */
function reportYaml(unit, month, measures, t) {
  const out = [
    `# ${unit} ${month} 工作台账进展报送（合成数据）`,
    `unit: ${unit}`,
    `month: ${q(month)}`,
    measures.length ? 'entries:' : 'entries: []',
  ];
  for (const m of measures) {
    const status =
      m.status === '已完成'
        ? '已完成'
        : t.weighted(
            m.status === '未启动'
              ? [
                  ['未启动', 1],
                  ['推进中', 2],
                ]
              : [
                  ['推进中', 3],
                  ['已完成', 1],
                ],
          );
    out.push(
      `  - id: ${q(m.id)}`,
      `    title: ${m.title}`,
      `    deadline: ${m.deadline}`,
      `    status: ${status}`,
      `    progress: ${q(status === '未启动' ? '' : t.pick(PROGRESS))}`,
    );
    if (status === '已完成') out.push(`    completed_on: ${q(`${month}-15`)}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * The files of a synthetic ledger, path → text: ledger/units.yaml (the bundled one),
 * ledger/config.yaml, one file per area and, with `reports`, reports/<month>/<unit>.yaml for every
 * unit that has measures. The ledger holds reports merged in the month before `month`. Same options, same bytes.
 */
export function generateLedger({ measures, seed = 1, month = '2020-07', reports = false }) {
  if (!Number.isInteger(measures) || measures < 1)
    throw new Error(`measures must be a positive integer, got ${measures}`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`month must be YYYY-MM, got ${month}`);
  const t = tools(random(seed));
  const registry = bundledUnits();
  const count = areaCount(measures);
  const width = Math.max(2, String(count).length);
  const files = {
    'ledger/units.yaml': registry.text,
    'ledger/config.yaml': `title: 合成台账（${measures} 项措施，种子 ${seed}）\n`,
  };
  const byUnit = new Map();
  for (let a = 1; a <= count; a++) {
    const area = makeArea(a, Math.floor(measures / count) + (a <= measures % count ? 1 : 0), t, registry);
    files[`ledger/${String(a).padStart(width, '0')}-${area.title}.yaml`] = areaYaml(area, previousMonth(month));
    for (const m of area.tasks.flatMap((task) => task.measures)) {
      for (const unit of m.reporters) (byUnit.get(unit) ?? byUnit.set(unit, []).get(unit)).push(m);
    }
  }
  if (reports) {
    for (const [unit, list] of [...byUnit].sort(([a], [b]) => (a < b ? -1 : 1)))
      files[`reports/${month}/${unit}.yaml`] = reportYaml(unit, month, list, t);
  }
  return files;
}

/** Writes `files` under `dir`, replacing whatever ledger/ and reports/ were there. */
export function writeFiles(dir, files) {
  for (const sub of ['ledger', 'reports']) rmSync(path.join(dir, sub), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

function parseArgs(argv) {
  const options = { measures: 1000, seed: 1, out: undefined, month: '2020-07', reports: false };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--reports') {
      options.reports = true;
      i--;
    } else if (flag === '--measures') options.measures = Number(value);
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--out') options.out = value;
    else if (flag === '--month') options.month = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!options.out)
    throw new Error('usage: generate-ledger.mjs --measures N [--seed S] [--month YYYY-MM] [--reports] --out DIR');
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const files = generateLedger(options);
  writeFiles(options.out, files);
  process.stdout.write(`${Object.keys(files).length} files, ${options.measures} measures → ${options.out}\n`);
}
