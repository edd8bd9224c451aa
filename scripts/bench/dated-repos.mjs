// The benchmark's dated repositories: what each is made of, and where it is kept. Under --work a repository
// is built once and reused while its recipe is unchanged (a stamp beside it: the spec, the input files, the
// builder's sources and the tool's version); before a run it is reset to a fresh clone's state.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLedger } from '../generate-ledger.mjs';
import { buildDatedRepo } from './dated-repo.mjs';
import { git } from './git.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BUILDER = ['dated-repo.mjs', 'dated-repos.mjs', 'form-edits.mjs', 'git.mjs'];

/**
 * The bundled ledger with 24 monthly merges, and a province-sized one (10,000 measures, 60 merges, daily
 * commits); --quick makes a small stand-in for the latter under another key, so that no target judges it.
 */
export function datedRepoSpecs({ quick = false } = {}) {
  const province = quick
    ? { key: 'province-small', label: '省级规模的缩小版（1,000 项，12 次合并）', measures: 1000, months: 12 }
    : { key: 'province', label: '省级规模（10,000 项，60 次合并）', measures: 10_000, months: 60 };
  return [
    {
      key: 'bundled',
      label: '自带台账（24 次月度合并）',
      start: '2020-06',
      months: 24,
      reporters: 6,
      edits: 0,
      showId: '1.1.1',
    },
    { ...province, start: '2020-06', reporters: 6, edits: 18, showId: '1.1.1' },
  ];
}

/** The repository of `spec` under work/dated-<key>, built or reused; its facts (dated-repo.mjs) and more. */
export function prepareDatedRepo(work, spec, { repo, bin, log }) {
  const dir = path.join(work, `dated-${spec.key}`);
  const files = specFiles(spec, repo);
  const stamp = recipeStamp(spec, files, repo);
  const stampFile = `${dir}.json`;
  const kept = existsSync(stampFile) && existsSync(dir) ? JSON.parse(readFileSync(stampFile, 'utf8')) : undefined;
  if (kept?.stamp === stamp) {
    git(dir, ['reset', '-q', '--hard']);
    git(dir, ['clean', '-fdxq']);
    rmSync(path.join(dir, '.git', 'ledger'), { recursive: true, force: true });
    log(`  ${spec.label}：沿用 ${dir}（${kept.info.commits} 次提交）`);
    return { ...kept.info, reused: true };
  }
  log(`  ${spec.label}：生成于 ${dir} …`);
  rmSync(stampFile, { force: true });
  const began = Date.now();
  const built = buildDatedRepo(dir, { ...spec, repo, bin, files, log });
  const info = {
    ...built,
    measures: countMeasures(files),
    areas: Object.keys(files).filter((f) => /^ledger\/\d+-/.test(f)).length,
    reports: git(dir, ['ls-files', 'reports']).split('\n').filter(Boolean).length,
    buildMs: Date.now() - began,
  };
  writeFileSync(stampFile, JSON.stringify({ stamp, info }));
  log(`  ${spec.label}：${info.commits} 次提交，用时 ${(info.buildMs / 1000).toFixed(0)} s`);
  return info;
}

/** What a built repository depends on: the spec, the input files, the builder's sources, the tool's package.json. */
export function recipeStamp(spec, files, repo) {
  return createHash('sha256')
    .update(JSON.stringify({ spec, files, builder: BUILDER.map((f) => readFileSync(path.join(HERE, f), 'utf8')) }))
    .update(readFileSync(path.join(repo, 'package.json')))
    .digest('hex');
}

/** The files `spec`'s repository starts from: path → text. */
export function specFiles(spec, repo) {
  return spec.measures
    ? { ...generateLedger({ measures: spec.measures, seed: 1, month: spec.start }), '.gitignore': gitignore(repo) }
    : bundledFiles(repo);
}

/** This repository's ledger/ and source/, and the .gitignore `ledger init` writes. */
function bundledFiles(repo) {
  const files = { '.gitignore': gitignore(repo) };
  for (const sub of ['ledger', 'source'])
    for (const name of readdirSync(path.join(repo, sub)).sort())
      files[`${sub}/${name}`] = readFileSync(path.join(repo, sub, name), 'utf8');
  return files;
}

function gitignore(repo) {
  return readFileSync(path.join(repo, 'templates/init/gitignore'), 'utf8');
}

function countMeasures(files) {
  return Object.entries(files)
    .filter(([file]) => /^ledger\/\d+-/.test(file))
    .reduce((n, [, text]) => n + (text.match(/^ {6}- id: "?\d+\.\d+\.\d+"?\s*$/gm)?.length ?? 0), 0);
}
