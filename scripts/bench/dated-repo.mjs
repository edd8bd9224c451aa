// A dated ledger repository with history, made the way a city's office makes one: the ledger imported and
// committed on the first day, then month after month several units make their report form (`ledger template`
// the first time, afterwards a copy of their last one), fill it in and commit it before the 20th, with daily
// commits between (a unit revising its form, the supervision office noting a remark in an area file); on the
// 24th the lead runs `ledger merge reports/<month>` (LEDGER_NOW that morning) and commits what it wrote.
// The month of "today" has only the commits of its first days. What people type is committed with
// git fast-import (the same trees, dates and authors as `git commit`, only faster); the templates and the
// merges are the real CLI. Fixed dates (+08:00), identities and seed, unsigned: the same input builds the same
// history. The repository ends packed, as a clone is, with no state folder (.git/ledger/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from '../generate-ledger.mjs';
import { unitMeasures } from '../six-month-history.mjs';
import { carryForward, fillForm, noteRemark, reviseForm } from './form-edits.mjs';
import { commitAll, git, gitInit, head, importCommits } from './git.mjs';

export const LEAD = { name: '王芳', email: 'wangfang@example.gov.cn' };
const OFFICE = { name: '刘洋', email: 'liuyang@example.gov.cn' };
const CLERKS = [
  '张敏',
  '李强',
  '赵丽',
  '陈静',
  '杨帆',
  '黄磊',
  '周婷',
  '吴刚',
  '徐慧',
  '孙涛',
  '马莉',
  '朱军',
  '胡雪',
  '郭鹏',
  '何琳',
];
const MERGE_DAY = 24;
/** Forms and daily edits fall on days 2 … 19 (the report day is the 20th). */
const FIRST_DAY = 2;
const LAST_DAY = 19;

/**
 * Builds the repository in `dir` (replacing it) from `files` (path → text, committed on the 1st of `start`):
 * `months` merged months of `reporters` forms and `edits` daily edits each, then the month of today up to
 * the day before `todayDay`. Returns what it made.
 */
export function buildDatedRepo(dir, options) {
  const { repo, bin, files, start, months, reporters, edits, todayDay = 8, seed = 1, log = () => {} } = options;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeTree(dir, files);
  gitInit(dir);
  let parent = importCommits(dir, [
    { message: '导入台账', who: LEAD, when: at(start, 1, '09:00'), files: Object.entries(files) },
  ]);
  const units = [...unitMeasures(dir).keys()];
  const clerks = new Map(units.map((unit, i) => [unit, clerk(i)]));
  const state = { dir, repo, rand: random(seed), lastForm: new Map(), areas: areaFiles(files), clerks };
  const begun = Date.now();
  for (let m = 0; m <= months; m++) {
    const month = addMonths(start, m);
    const today = m === months;
    const slots = monthSlots(month, reporters, edits).filter((slot) => !today || slot.day < todayDay);
    const reporting = Array.from({ length: reporters }, (_, j) => units[(m * reporters + j) % units.length]);
    const commits = monthCommits(state, month, slots, reporting);
    importCommits(dir, commits, parent);
    if (today) break;
    parent = mergeMonth(dir, bin, month);
    if ((m + 1) % 12 === 0) log(`    ${month} 已合并（${((Date.now() - begun) / 1000).toFixed(0)} s）`);
  }
  rmSync(path.join(dir, '.git', 'ledger'), { recursive: true, force: true });
  git(dir, ['repack', '-a', '-d', '-q']);
  return {
    dir,
    commits: Number(git(dir, ['rev-list', '--count', 'HEAD']).trim()),
    merges: months,
    units: units.length,
    first: start,
    lastMerged: addMonths(start, months - 1),
    now: at(addMonths(start, months), todayDay, '07:30'),
  };
}

/** The lead's merge of the month's forms on the 24th (LEDGER_NOW that morning), committed then; returns the commit. */
function mergeMonth(dir, bin, month) {
  const when = at(month, MERGE_DAY, '10:00');
  const merged = spawnSync(process.execPath, [bin, 'merge', `reports/${month}`], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', LEDGER_NOW: when },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (merged.status !== 0) throw new Error(`ledger merge reports/${month}：${merged.stderr}${merged.stdout}`);
  commitAll(dir, `合并 ${month} 报送`, LEAD, when);
  return head(dir);
}

/**
 * The month's commits before the merge. A slot is a form (the next unit of `reporting`), a revision of
 * a form committed earlier this month, or a remark in an area file.
 */
function monthCommits(state, month, slots, reporting) {
  const { dir, rand } = state;
  const submitted = [];
  const formSlots = slots.filter((slot) => slot.kind === 'form');
  const forms = reporting.slice(0, formSlots.length);
  const blank = blankForms(
    state,
    month,
    forms.filter((unit) => !state.lastForm.has(unit)),
    formSlots[0],
  );
  return slots.map((slot) => {
    const day = `${month}-${String(slot.day).padStart(2, '0')}`;
    const when = at(month, slot.day, slot.time);
    const kind = slot.kind === 'revise' && submitted.length === 0 ? 'remark' : slot.kind;
    if (kind === 'form') {
      const unit = forms[submitted.length];
      const file = `reports/${month}/${unit}.yaml`;
      const base = blank.get(unit) ?? carryForward(read(dir, state.lastForm.get(unit)), month);
      const clerk = state.clerks.get(unit);
      write(dir, file, fillForm(base, { month, day, clerk: clerk.name, rand }));
      state.lastForm.set(unit, file);
      submitted.push(unit);
      return { message: `${unit} ${month} 报送`, who: clerk, when, files: [[file, read(dir, file)]] };
    }
    if (kind === 'revise') {
      const unit = submitted[Math.floor(rand() * submitted.length)];
      const file = `reports/${month}/${unit}.yaml`;
      write(dir, file, reviseForm(read(dir, file), { month, day, rand }));
      return {
        message: `${unit} 修改 ${month} 报送`,
        who: state.clerks.get(unit),
        when,
        files: [[file, read(dir, file)]],
      };
    }
    const file = state.areas[Math.floor(rand() * state.areas.length)];
    write(dir, file, noteRemark(read(dir, file), { day, rand }));
    return { message: `督查室备注（${day}）`, who: OFFICE, when, files: [[file, read(dir, file)]] };
  });
}

/** `ledger template` for each unit reporting for the first time, in one process (test/helpers/cli-batch.mjs). */
function blankForms(state, month, units, firstSlot) {
  if (units.length === 0) return new Map();
  const env = { LEDGER_NOW: at(month, firstSlot.day, '08:30') };
  const runs = units.map((unit) => ({ args: ['template', '--unit', unit, '--month', month], env }));
  const batch = spawnSync(
    process.execPath,
    [path.join(state.repo, 'test/helpers/cli-batch.mjs'), path.join(state.repo, 'dist/cli.js')],
    {
      cwd: state.dir,
      input: JSON.stringify(runs),
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  if (batch.status !== 0) throw new Error(`ledger template：${batch.stderr}`);
  const results = JSON.parse(batch.stdout);
  return new Map(
    units.map((unit, i) => {
      if (results[i].code !== 0) throw new Error(`ledger template --unit ${unit}：${results[i].stderr}`);
      return [unit, read(state.dir, `reports/${month}/${unit}.yaml`)];
    }),
  );
}

/** The month's slots in order: `forms` forms spread over days 2 … 19, daily edits between them. */
function monthSlots(month, forms, edits) {
  const total = forms + edits;
  const formAt = new Set(Array.from({ length: forms }, (_, j) => Math.floor((j * total) / forms)));
  return Array.from({ length: total }, (_, i) => ({
    day: FIRST_DAY + Math.floor((i * (LAST_DAY - FIRST_DAY + 1)) / total),
    time: `${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
    kind: formAt.has(i) ? 'form' : i % 3 === 2 ? 'remark' : 'revise',
  }));
}

function areaFiles(files) {
  return Object.keys(files)
    .filter((file) => /^ledger\/\d+-.*\.yaml$/.test(file))
    .sort();
}

function clerk(i) {
  const name = CLERKS[i % CLERKS.length] + (i >= CLERKS.length ? String(Math.floor(i / CLERKS.length) + 1) : '');
  return { name, email: `clerk${i + 1}@example.gov.cn` };
}

/** An instant in the ledger's zone (+08:00). */
export function at(month, day, time) {
  return `${month}-${String(day).padStart(2, '0')}T${time}:00+08:00`;
}

export function addMonths(month, n) {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function writeTree(dir, files) {
  for (const [file, text] of Object.entries(files)) write(dir, file, text);
}

function write(dir, file, text) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

function read(dir, file) {
  return readFileSync(path.join(dir, file), 'utf8');
}
