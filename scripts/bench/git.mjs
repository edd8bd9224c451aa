// Git for the benchmark's fixtures: no system or user config (so no signing, no hooks, no identity of this
// machine), argument arrays, fixed identities and dates given per commit.
import { execFileSync } from 'node:child_process';

export const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

/** Runs git in `dir`; returns its standard output. */
export function git(dir, args, { env = {}, input } = {}) {
  return execFileSync('git', args, {
    cwd: dir,
    env: { ...GIT_ENV, ...env },
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** A new repository in `dir` (branch main, commits unsigned). */
export function gitInit(dir) {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
}

/** Author and committer: one person ({name, email}) at one instant (an ISO date-time with its zone). */
export function personEnv(who, when) {
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: when,
  };
}

/** Stages everything in the work tree and commits it as `who` at `when`. */
export function commitAll(dir, message, who, when) {
  const env = personEnv(who, when);
  git(dir, ['add', '-A'], { env });
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], { env });
}

/**
 * Appends `commits` ({message, who, when, files: [[path, text]]}) to main with one git fast-import (the
 * first on top of `parent`, a commit id, when given), then sets the index to the new head. The work tree
 * is expected to hold those files already. Returns the new head.
 */
export function importCommits(dir, commits, parent) {
  const out = [];
  commits.forEach((commit, i) => {
    const stamp = `${Date.parse(commit.when) / 1000} ${commit.when.slice(-6).replace(':', '')}`;
    const person = `${commit.who.name} <${commit.who.email}> ${stamp}`;
    out.push(`commit refs/heads/main\nauthor ${person}\ncommitter ${person}\n${data(commit.message)}`);
    if (i === 0 && parent) out.push(`from ${parent}\n`);
    for (const [file, text] of commit.files) out.push(`M 100644 inline ${file}\n${data(text)}`);
    out.push('\n');
  });
  git(dir, ['fast-import', '--quiet'], { input: out.join('') });
  git(dir, ['reset', '-q']);
  return head(dir);
}

export function head(dir) {
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}
