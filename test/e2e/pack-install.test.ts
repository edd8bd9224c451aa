import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

interface LockEntry {
  name?: string;
  version: string;
  resolved?: string;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A package-lock.json for the new repository: the tool from the copied tarball plus the tool's runtime
 * dependencies at the versions our own lock file pins, with registry URLs. npm then fetches every tarball
 * from the local cache by its integrity, without asking the registry for package metadata (which an
 * offline cache filled by `npm ci` does not hold).
 */
function lockFor(name: string, tarball: string): string {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const own = lock.packages['']!;
  const toolName = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;
  const packages: Record<string, unknown> = {
    '': { name, devDependencies: { [toolName]: tarball } },
    [`node_modules/${toolName}`]: {
      version: own.version,
      resolved: tarball,
      dev: true,
      dependencies: own['dependencies'],
      bin: own['bin'],
      engines: own['engines'],
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev) continue;
    const pkg = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const { devOptional: _, ...rest } = entry;
    packages[key] = {
      ...rest,
      dev: true,
      resolved: entry.resolved ?? `https://registry.npmjs.org/${pkg}/-/${pkg.split('/').pop()}-${entry.version}.tgz`,
    };
  }
  return JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2);
}

describe('the packed tool installed into a new ledger repository', () => {
  it('ships only bin, dist, templates, docs and README, installs offline without a build and runs', (ctx) => {
    const out = tempDir();
    // dist/ is built by `npm test` before the tests; --ignore-scripts keeps prepack from rebuilding it under
    // the other tests that are running bin/ledger at the same time.
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], REPO_ROOT);
    expect(pack.code, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const tops = new Set(packed!.files.map((f) => f.path.split('/')[0]));
    expect([...tops].sort()).toEqual(['README.md', 'bin', 'dist', 'docs', 'package.json', 'templates']);
    expect(packed!.files.map((f) => f.path)).toContain('dist/cli.js');

    const parent = tempDir();
    const init = runCli(['init', '台账', '--tool', path.join(out, packed!.filename)], parent);
    expect(init.code, init.stderr).toBe(0);
    const dir = path.join(parent, '台账');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name: string;
      devDependencies: Record<string, string>;
    };
    const spec = Object.values(manifest.devDependencies)[0]!;
    expect(spec).toBe(`file:tools/${packed!.filename}`);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).not.toContain(REPO_ROOT);
    writeFileSync(path.join(dir, 'package-lock.json'), lockFor(manifest.name, spec));

    const install = run('npm', ['ci', '--offline', '--ignore-scripts=false', '--no-audit', '--no-fund'], dir);
    if (install.code !== 0 && /ENOTCACHED/.test(install.stderr))
      ctx.skip('the local npm cache lacks a runtime dependency (run npm ci once with network access)');
    expect(install.code, install.stderr).toBe(0);

    const status = run('npx', ['--offline', 'ledger', 'status', '--as-of', '2026-01-05'], dir);
    expect(status.stderr).toBe('');
    expect(status.stdout).toContain('示例主要指标');
    expect(status.code).toBe(0);
    const validate = run('npx', ['--offline', 'ledger', 'validate'], dir);
    expect(validate.stdout).toContain('没有发现问题');
    expect(validate.code).toBe(0);
  }, 300_000);
});
