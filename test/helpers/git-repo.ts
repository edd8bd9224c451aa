import { execFileSync } from 'node:child_process';
import { tempDir, writeTree, type FileTree } from './temp-dir.js';

const FIXED_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: '测试员',
  GIT_AUTHOR_EMAIL: 'tester@example.com',
  GIT_COMMITTER_NAME: '测试员',
  GIT_COMMITTER_EMAIL: 'tester@example.com',
};

export interface CommitOptions {
  /** ISO date-time used for both author and committer dates. */
  date?: string;
  author?: { name: string; email: string };
}

/** A real git repository in a temp folder: fixed identity, no signing, branch main. */
export function tempGitRepo(files: FileTree = {}): GitRepo {
  const dir = tempDir(files);
  const repo = new GitRepo(dir);
  repo.git('init', '-q', '-b', 'main');
  repo.git('config', 'commit.gpgsign', 'false');
  return repo;
}

export class GitRepo {
  constructor(readonly dir: string) {}

  git(...args: string[]): string {
    return this.gitWith({}, ...args);
  }

  gitWith(env: NodeJS.ProcessEnv, ...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, ...FIXED_ENV, ...env },
    });
  }

  /** Writes `files`, stages everything and commits; returns the new commit's hash. */
  commit(message: string, files: FileTree = {}, options: CommitOptions = {}): string {
    writeTree(this.dir, files);
    const env: NodeJS.ProcessEnv = {};
    if (options.date) Object.assign(env, { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date });
    if (options.author) {
      Object.assign(env, { GIT_AUTHOR_NAME: options.author.name, GIT_AUTHOR_EMAIL: options.author.email });
    }
    this.gitWith(env, 'add', '-A');
    this.gitWith(env, 'commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }
}
