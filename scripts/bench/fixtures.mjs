// Fixtures for the benchmark: synthetic ledgers of each size and a git repository with many commits.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { generateLedger, writeFiles } from '../generate-ledger.mjs';

export const REPORT_MONTH = '2020-07';
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

/**
 * Writes a ledger of `measures` with reports for REPORT_MONTH under work/<measures>/ (a git work tree,
 * so that the ledger cache applies; files dated a minute back, so they are not “racy”) and a copy
 * under work/<measures>-merge/ for `ledger merge` to rewrite.
 */
export function prepareLedger(work, measures, seed = 1) {
  const dir = path.join(work, String(measures));
  const files = generateLedger({ measures, seed, month: REPORT_MONTH, reports: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFiles(dir, files);
  const past = new Date(Date.now() - 60_000);
  for (const name of Object.keys(files)) utimesSync(path.join(dir, name), past, past);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const fixture = { dir, mergeDir: `${dir}-merge`, files: Object.keys(files).length, bytes };
  restoreMergeCopy(fixture);
  return fixture;
}

/** The tool's own ledger/ in a git repository of its own under work/bundled (files dated a minute back). */
export function prepareBundledCopy(work, repo) {
  const dir = path.join(work, 'bundled');
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(repo, 'ledger'), path.join(dir, 'ledger'), { recursive: true });
  const past = new Date(Date.now() - 60_000);
  for (const name of readdirSync(path.join(dir, 'ledger'))) utimesSync(path.join(dir, 'ledger', name), past, past);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  return dir;
}

/** Puts back ledger/ and reports/ of the merge copy as generated. */
export function restoreMergeCopy({ dir, mergeDir }) {
  for (const sub of ['ledger', 'reports']) {
    rmSync(path.join(mergeDir, sub), { recursive: true, force: true });
    cpSync(path.join(dir, sub), path.join(mergeDir, sub), { recursive: true });
  }
}

const AUTHORS = [
  '市审批局 张敏 <zhangmin@example.gov.cn>',
  '市公安局 李强 <liqiang@example.gov.cn>',
  '市税务局 王芳 <wangfang@example.gov.cn>',
  '各县区 赵磊 <zhaolei@example.gov.cn>',
];

/**
 * A git repository whose ledger (shaped like the bundled one, `measures` measures) has `commits` commits:
 * the first adds it, each later one rewrites one measure's progress — every `hotEvery`-th commit
 * touches measure `hotId`, the one the benchmark asks `ledger history` about. Built with git fast-import.
 */
export function prepareHistoryRepo(work, { commits = 1000, measures = 180, hotId = '1.1.1', hotEvery = 10 } = {}) {
  const dir = path.join(work, `history-${commits}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = generateLedger({ measures, seed: 7 });
  const ids = Object.entries(files).flatMap(([file, text]) =>
    [...text.matchAll(/^ {6}- id: "([\d.]+)"$/gm)].map((m) => ({ file, id: m[1] })),
  );
  const fileOf = new Map(ids.map(({ file, id }) => [id, file]));
  const chunks = [];
  const epoch = Date.UTC(2020, 6, 10) / 1000;
  for (let i = 0; i < commits; i++) {
    const changed =
      i === 0
        ? Object.keys(files)
        : [touch(files, i % hotEvery === 0 ? hotId : ids[(i * 7919) % ids.length].id, fileOf, i)];
    const author = AUTHORS[i % AUTHORS.length];
    const when = `${epoch + i * 3600} +0800`;
    const message = i === 0 ? '导入台账' : `更新 ${changed[0]} 的工作完成情况（第 ${i} 次）`;
    chunks.push(`commit refs/heads/main\nauthor ${author} ${when}\ncommitter ${author} ${when}\n${data(message)}`);
    for (const file of changed) chunks.push(`M 100644 inline ${file}\n${data(files[file])}`);
    chunks.push('\n');
  }
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    env: GIT_ENV,
    input: chunks.join(''),
    maxBuffer: 1 << 28,
  });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env: GIT_ENV });
  return { dir, commits, hotId, hotCommits: Math.ceil(commits / hotEvery) };
}

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** Rewrites the progress line of measure `id` in its file; returns the file. */
function touch(files, id, fileOf, i) {
  const file = fileOf.get(id);
  const text = files[file];
  const at = text.indexOf(`      - id: "${id}"\n`);
  const line = text.indexOf('\n        progress: ', at);
  const end = text.indexOf('\n', line + 1);
  files[file] = `${text.slice(0, line)}\n        progress: "第 ${i} 次更新：已按计划推进。"${text.slice(end)}`;
  return file;
}

const STATUSES = ['未启动', '推进中', '已完成'];

/**
 * A git repository whose ledger is the bundled one (ledger/ of the tool) with `commits` monthly merges:
 * each touches about `share` of the measures, as `ledger merge` writes them (status, a multi-line
 * progress, unit_reports per unit); about a quarter of the touched measures change status.
 */
export function prepareMergeHistoryRepo(work, repo, { commits = 500, share = 0.6 } = {}) {
  const dir = path.join(work, `merges-${commits}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ledgerDir = path.join(repo, 'ledger');
  const TAIL = /^ {8}status: .*\n {8}progress: .*\n {8}remark: .*$/gm;
  const files = readdirSync(ledgerDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(ledgerDir, name), 'utf8');
      const ids = [...text.matchAll(/^ {6}- id: "?([\d.]+)"?$/gm)].map((m) => m[1]);
      const units = [...text.matchAll(/^ {8}units: \[(.*)\]$/gm)].map((m) => m[1].split(', '));
      return { file: `ledger/${name}`, parts: text.split(TAIL), ids, units };
    });
  const state = new Map();
  const render = ({ parts, ids, units }) =>
    parts.map((part, k) => (k < ids.length ? part + measureTail(state.get(ids[k]), units[k]) : part)).join('');
  const chunks = [];
  const epoch = Date.UTC(2020, 6, 10) / 1000;
  let random = 12345;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < commits; i++) {
    const month = `${2020 + Math.floor((6 + i) / 12)}-${String(((6 + i) % 12) + 1).padStart(2, '0')}`;
    if (i > 0)
      for (const { ids } of files)
        for (const id of ids) {
          if (next() >= share) continue;
          const was = state.get(id) ?? { status: '未启动' };
          const status = next() < 0.25 ? STATUSES[(STATUSES.indexOf(was.status) + 1) % 3] : was.status;
          state.set(id, { status, month, round: i });
        }
    const author = AUTHORS[i % AUTHORS.length];
    const when = `${epoch + i * 86400 * 30} +0800`;
    const message = i === 0 ? '导入台账' : `合并 ${month} 报送`;
    chunks.push(`commit refs/heads/main\nauthor ${author} ${when}\ncommitter ${author} ${when}\n${data(message)}`);
    for (const f of files) chunks.push(`M 100644 inline ${f.file}\n${data(render(f))}`);
    if (i === 0)
      for (const name of ['units.yaml', 'config.yaml'])
        chunks.push(`M 100644 inline ledger/${name}\n${data(readFileSync(path.join(ledgerDir, name), 'utf8'))}`);
    chunks.push('\n');
  }
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    env: GIT_ENV,
    input: chunks.join(''),
    maxBuffer: 1 << 30,
  });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env: GIT_ENV });
  return { dir, commits };
}

function measureTail(state, units) {
  if (!state) return '        status: 未启动\n        progress: ""\n        remark: ""';
  const lines = units.map((unit) => `${unit}：${state.month} 第 ${state.round} 次报送，按计划推进。`);
  const reports = units.flatMap((unit) => [
    `          ${unit}:`,
    `            month: ${state.month}`,
    `            status: ${state.status}`,
    `            progress: ${unit}：${state.month} 第 ${state.round} 次报送，按计划推进。`,
  ]);
  return [
    `        status: ${state.status}`,
    '        progress: |-',
    ...lines.map((line) => `          ${line}`),
    '        remark: ""',
    '        unit_reports:',
    ...reports,
  ].join('\n');
}
