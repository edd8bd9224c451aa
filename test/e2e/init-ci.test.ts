import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

const CI_DIR = path.join(REPO_ROOT, 'templates/ci');

/** Every shell line of a GitHub workflow (steps[].run) or GitLab file (script entries). */
function shellLines(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    if (key === 'run' && typeof child === 'string') return child.split('\n');
    if (key === 'script' && Array.isArray(child)) return child.map(String);
    return shellLines(child);
  });
}

/** `npx ledger check --base "…" --format github` → ['check', ['--base', '--format']]. */
function ledgerInvocations(file: string): { command: string; flags: string[] }[] {
  return shellLines(parse(readFileSync(file, 'utf8')))
    .filter((line) => /\bnpx ledger /.test(line))
    .map((line) => {
      const rest = line.slice(line.indexOf('npx ledger ') + 'npx ledger '.length);
      return { command: rest.split(/\s+/)[0]!, flags: rest.match(/--[a-z][a-z-]*/g) ?? [] };
    });
}

describe('CI samples in templates/ci', () => {
  const files = readdirSync(CI_DIR).filter((name) => name.endsWith('.yml'));

  it('has a GitHub Actions workflow and a GitLab CI file, each running check and overdue', () => {
    expect(files.sort()).toEqual(['github-actions.yml', 'gitlab-ci.yml']);
    for (const file of files) {
      const commands = ledgerInvocations(path.join(CI_DIR, file)).map((i) => i.command);
      expect(commands).toContain('check');
      expect(commands).toContain('overdue');
      expect(commands).toContain('site');
    }
  });

  it('publishes the site on every push to main: GitHub Pages and GitLab Pages', () => {
    const github = parse(readFileSync(path.join(CI_DIR, 'github-actions.yml'), 'utf8'));
    expect(github.on.push.branches).toEqual(['main']);
    const steps = github.jobs.site.steps as { uses?: string; run?: string; with?: { path?: string } }[];
    expect(github.jobs.site.if).toBe("github.event_name == 'push'");
    expect(github.jobs.site.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(steps.find((s) => s.run?.includes('ledger site'))?.run).toContain('--out site');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('site');
    expect(steps.some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
    expect(github.jobs.overdue.if).not.toContain('push');
    const gitlab = parse(readFileSync(path.join(CI_DIR, 'gitlab-ci.yml'), 'utf8'));
    expect(gitlab.pages.script.join('\n')).toContain('ledger site --out public');
    expect(gitlab.pages.artifacts.paths).toEqual(['public']);
    expect(gitlab.pages.rules[0].if).toContain('$CI_DEFAULT_BRANCH');
  });

  it.each(files)('%s references only commands and options that exist', (file) => {
    for (const { command, flags } of ledgerInvocations(path.join(CI_DIR, file))) {
      const help = runCli([command, '--help'], REPO_ROOT);
      expect(help.code, `ledger ${command} --help`).toBe(0);
      for (const flag of flags) expect(help.stdout, `ledger ${command} ${flag}`).toContain(flag);
    }
  });
});

describe('ledger init', () => {
  it('creates a ledger repository that validates, with CI files and a git repository', () => {
    const parent = tempDir();
    const run = runCli(
      ['init', '新台账', '--title', '某市工作台账', '--tool', 'git+https://git.example.gov.cn/tools/ledger.git#v0.1.0'],
      parent,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = path.join(parent, '新台账');
    for (const file of [
      'ledger/units.yaml',
      'ledger/config.yaml',
      'reports/.gitkeep',
      '.github/workflows/ledger.yml',
      '.gitlab-ci.yml',
      'README.md',
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    expect(readdirSync(path.join(dir, 'ledger')).filter((name) => /^\d+-.+\.yaml$/.test(name))).toHaveLength(1);
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe(
      readFileSync(path.join(CI_DIR, 'gitlab-ci.yml'), 'utf8'),
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).devDependencies['szs-ledger']).toBe(
      'git+https://git.example.gov.cn/tools/ledger.git#v0.1.0',
    );
    expect(readFileSync(path.join(dir, 'ledger/config.yaml'), 'utf8')).toContain('title: "某市工作台账"');
    expect(existsSync(path.join(dir, '.git'))).toBe(true);
    const validate = runCli(['validate'], dir);
    expect(validate.stdout).toContain('没有发现问题');
    expect(validate.code).toBe(0);
  });

  it('refuses a folder that is not empty and leaves it as it was', () => {
    const dir = tempDir({ 'notes.txt': '已有内容' });
    const before = snapshotTree(dir);
    const run = runCli(['init', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不是空的');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('fills an existing empty folder', () => {
    const fresh = tempDir();
    expect(runCli(['init', '.'], fresh).code).toBe(0);
    expect(existsSync(path.join(fresh, 'ledger/units.yaml'))).toBe(true);
  });
});

describe('GitHub Actions sample', () => {
  const validator = path.join(REPO_ROOT, 'node_modules/.bin/action-validator');

  it('is a valid workflow by the workflow schema (action-validator)', () => {
    const run = spawnSync(validator, [path.join(CI_DIR, 'github-actions.yml')], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the validator rejects a broken workflow (so the check above can fail)', () => {
    const broken = readFileSync(path.join(CI_DIR, 'github-actions.yml'), 'utf8').replace('runs-on:', 'runs_on:');
    const file = path.join(tempDir(), 'broken.yml');
    writeFileSync(file, broken);
    const run = spawnSync(validator, [file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain("Additional property 'runs_on' is not allowed");
  });
});
