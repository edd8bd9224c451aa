// A ledger repository with months of merged reports: the bundled ledger in a new Git repository, then
// for each month every reporting unit's report (a few late or missing), merged by `ledger merge` and
// committed on the dates a city would. Used by the docx/print tests and scripts/print-previews.mjs.
// Needs the built CLI (npm run build).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HISTORY_MONTHS = ['2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12'];

const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: '测试员',
  GIT_AUTHOR_EMAIL: 'tester@example.com',
  GIT_COMMITTER_NAME: '测试员',
  GIT_COMMITTER_EMAIL: 'tester@example.com',
};

const run = promisify(execFile);

// Asynchronous throughout: a test worker that blocks for a minute loses its connection to vitest.
async function git(dir, args, date) {
  const env = { ...process.env, ...GIT_ENV, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return (await run('git', args, { cwd: dir, env, encoding: 'utf8' })).stdout;
}

async function commit(dir, message, date) {
  await git(dir, ['add', '-A'], date);
  await git(dir, ['commit', '-q', '--allow-empty', '-m', message], date);
}

/** A small stable number from a string. */
function hash(text) {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)) % 100003;
  return h;
}

/** Each reporting unit's measures: group names (各县区) stand for their members. */
export function unitMeasures(root) {
  const registry = parse(readFileSync(path.join(root, 'ledger/units.yaml'), 'utf8')).units;
  const members = new Map(registry.filter((u) => u.members).map((u) => [u.name, u.members]));
  const byUnit = new Map();
  for (const file of readdirSync(path.join(root, 'ledger'))
    .filter((f) => /^\d+-.*\.yaml$/.test(f))
    .sort()) {
    const area = parse(readFileSync(path.join(root, 'ledger', file), 'utf8'));
    for (const task of area.tasks)
      for (const measure of task.measures)
        for (const unit of measure.units.flatMap((u) => members.get(u) ?? [u])) {
          if (!byUnit.has(unit)) byUnit.set(unit, []);
          byUnit.get(unit).push(measure);
        }
  }
  return byUnit;
}

/** In which month (index into HISTORY_MONTHS) a measure is finished; 6 or more: not within the history. */
function doneAt(measure) {
  return /长期|适时/.test(measure.deadline) ? 99 : hash(measure.id) % 9;
}

function entry(measure, m, month) {
  const done = doneAt(measure) <= m;
  const status = done ? '已完成' : m >= hash(measure.id) % 3 ? '推进中' : '未启动';
  const lines = [`  - id: "${measure.id}"`, `    status: ${status}`, `    progress: "${month} ${status}。"`];
  if (done) lines.push(`    completed_on: "${HISTORY_MONTHS[doneAt(measure)]}-15"`);
  if (done && measure.deadline.includes('、')) lines.push('    milestones_met: 2');
  return lines.join('\n');
}

/**
 * Builds the history in `dir` (created). Each month `late` units commit after the 20th and `missing`
 * units do not report; the lead merges on the 24th. Returns the units that were late and missing.
 */
export async function buildHistory(dir, { months = HISTORY_MONTHS.length, late = 2, missing = 3 } = {}) {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'ledger'), path.join(dir, 'ledger'), { recursive: true });
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['config', 'commit.gpgsign', 'false']);
  await commit(dir, '导入台账', '2020-06-01T09:00:00+08:00');
  const units = [...unitMeasures(dir)].sort(([a], [b]) => hash(a) - hash(b) || a.localeCompare(b));
  const skipped = units.slice(0, missing).map(([unit]) => unit);
  const lateUnits = units.slice(missing, missing + late).map(([unit]) => unit);
  for (const [m, month] of HISTORY_MONTHS.slice(0, months).entries()) {
    const reports = (names) =>
      Object.fromEntries(
        units
          .filter(([unit]) => names.includes(unit))
          .map(([unit, measures]) => [
            `reports/${month}/${unit}.yaml`,
            `unit: ${unit}\nmonth: "${month}"\nentries:\n${measures.map((x) => entry(x, m, month)).join('\n')}\n`,
          ]),
      );
    const onTime = units.map(([unit]) => unit).filter((u) => !skipped.includes(u) && !lateUnits.includes(u));
    writeTree(dir, reports(onTime));
    await commit(dir, `${month} 报送`, `${month}-18T16:00:00+08:00`);
    writeTree(dir, reports(lateUnits));
    await commit(dir, `${month} 迟报`, `${month}-22T10:00:00+08:00`);
    const merge = [path.join(REPO_ROOT, 'bin/ledger'), 'merge', `reports/${month}`, '--as-of', `${month}-24`];
    await run(process.execPath, merge, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    await commit(dir, `合并 ${month} 报送`, `${month}-24T10:00:00+08:00`);
  }
  return { late: lateUnits, missing: skipped };
}

function writeTree(dir, files) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}
