import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dir.js';
import { REPO_ROOT } from './ledger-fixture.js';

const HOOK = path.join(REPO_ROOT, 'test/helpers/module-log.mjs');

/**
 * What a process loaded, as source names: `src/io/x.ts` for our modules and `node_modules/<package>`
 * for dependencies. A bundled chunk (dist/*.js) counts as every source it holds: esbuild marks
 * each one with a `// path` comment; a file of a file-by-file build (dist-tsc/) is its source.
 */
export function loadedSources(urls: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const file = fileURLToPath(url);
    const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (dependency) out.add(`node_modules/${dependency[1]}`);
    else if (/\/dist\/[^/]+\.js$/.test(file)) {
      for (const [, source] of readFileSync(file, 'utf8').matchAll(/^\/\/ (\S+\.(?:[cm]?js|ts|json))$/gm)) {
        const named = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source!);
        out.add(named ? `node_modules/${named[1]}` : source!);
      }
    } else {
      const built = /\/dist-tsc\/(.+)\.js$/.exec(file);
      if (built) out.add(`src/${built[1]}.ts`);
    }
  }
  return out;
}

export interface LoggedRun {
  code: number;
  stdout: string;
  stderr: string;
  sources: Set<string>;
  /** The bundle's files (dist/*.js) it loaded, by name. */
  distFiles: string[];
}

/** Runs bin/ledger (or another entry) in `cwd` and reports the modules it loaded. */
export function runLogged(
  args: readonly string[],
  cwd: string,
  bin = path.join(REPO_ROOT, 'bin/ledger'),
  env: NodeJS.ProcessEnv = {},
): LoggedRun {
  const log = path.join(tempDir(), 'modules.txt');
  const result = spawnSync(process.execPath, ['--import', HOOK, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',

      LEDGER_MODULE_LOG: log,
      LEDGER_MODULE_LOG_HOOKED: '',
      ...env,
    },
  });
  let urls: string[] = [];
  try {
    urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } catch {
    // nothing logged
  }
  const distFiles = [
    ...new Set(urls.filter((url) => /\/dist\/[^/]+\.js$/.test(url)).map((url) => path.basename(fileURLToPath(url)))),
  ];
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    sources: loadedSources(urls),
    distFiles,
  };
}
