// Git histories for the trend rows of the benchmark, built with git fast-import: a ledger worked on for
// some months, 25 commits a month — 24 small edits (one measure's progress each) and the month's merge,
// which rewrites the status and progress of about 60% of the measures (a quarter of those move on).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateLedger } from '../generate-ledger.mjs';

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const AUTHOR = '市审批局 张敏 <zhangmin@example.gov.cn>';
const STATUSES = ['未启动', '推进中', '已完成'];
const ITEM = /^ {6}- id: "?([\d.]+)"?$/gm;

/** The bundled ledger (ledger/ of the tool) as files, relative paths → text. */
export function bundledFiles(repo) {
  const dir = path.join(repo, 'ledger');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [`ledger/${name}`, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

/** A generated ledger of `measures` measures as files. */
export function generatedFiles(measures) {
  return generateLedger({ measures, seed: 5 });
}

/**
 * Writes the repository under work/<name>: `files` committed at the start of `from` (YYYY-MM), then
 * `months` months of `perMonth` commits each. Returns its folder and the first and last month.
 */
export function prepareTrendRepo(work, name, files, { from = '2020-07', months = 12, perMonth = 25 } = {}) {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const areas = Object.entries(files)
    .filter(([file]) => /^ledger\/\d+-/.test(file))
    .map(([file, text]) => ({ file, chunks: cut(text) }));
  const measures = areas.flatMap((area) => area.chunks.slice(1).map((_, k) => ({ area, chunk: k + 1 })));
  let random = 2024;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = [];
  const commit = (when, message, changed) => {
    out.push(`commit refs/heads/main\nauthor ${AUTHOR} ${when} +0800\ncommitter ${AUTHOR} ${when} +0800\n`);
    out.push(data(message));
    for (const [file, text] of changed) out.push(`M 100644 inline ${file}\n${data(text)}`);
    out.push('\n');
  };
  const [year, month] = from.split('-').map(Number);
  const start = Date.UTC(year, month - 1, 1, 1) / 1000;
  commit(start, '导入台账', Object.entries(files));
  for (let m = 0; m < months; m++) {
    const first = Date.UTC(year, month - 1 + m, 2, 2) / 1000;
    for (let c = 0; c < perMonth - 1; c++) {
      const { area, chunk } = measures[Math.floor(next() * measures.length)];
      area.chunks[chunk] = setLine(area.chunks[chunk], 'progress', `"第 ${m + 1} 月第 ${c + 1} 次更新。"`);
      commit(first + c * 86400, `更新进展（${m + 1}-${c + 1}）`, [[area.file, area.chunks.join('')]]);
    }
    for (const entry of measures) {
      if (next() >= 0.6) continue;
      const text = entry.area.chunks[entry.chunk];
      const was = /\n {8}status: (\S+)/.exec(text)?.[1] ?? '未启动';
      const status = next() < 0.25 ? STATUSES[Math.min(STATUSES.indexOf(was) + 1, 2)] : was;
      entry.area.chunks[entry.chunk] = setLine(setLine(text, 'status', status), 'progress', `"第 ${m + 1} 月合并。"`);
    }
    commit(
      first + 23 * 86400,
      `合并第 ${m + 1} 月报送`,
      areas.map((area) => [area.file, area.chunks.join('')]),
    );
  }
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: GIT_ENV, input: out.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env: GIT_ENV });
  const last = new Date(Date.UTC(year, month - 1 + months - 1, 1));
  return { dir, from, to: last.toISOString().slice(0, 7), commits: 1 + months * perMonth };
}

/** The text before the first measure, then one chunk per measure item. */
function cut(text) {
  const starts = [...text.matchAll(ITEM)].map((match) => match.index);
  return [0, ...starts].map((at, i, all) => text.slice(at, all[i + 1] ?? text.length));
}

/** The measure's own `key:` line (eight spaces in) set to `value`. */
function setLine(chunk, key, value) {
  return chunk.replace(new RegExp(`\\n {8}${key}: .*`), `\n        ${key}: ${value}`);
}

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}
