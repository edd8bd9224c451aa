import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from '../errors.js';
import { childProcess, gitEnv, gitError } from './git.js';

/** Reads many blobs through one `git cat-file --batch` process. */
export interface BlobReader {
  /** A blob by hash or `rev:path`; undefined when git has no such object. */
  read(spec: string): Promise<Uint8Array | undefined>;
  close(): void;
}

export function openBlobReader(cwd: string): BlobReader {
  return new CatFileReader(cwd);
}

interface Pending {
  resolve(value: Uint8Array | undefined): void;
  reject(error: Error): void;
}

class CatFileReader implements BlobReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private stderr = '';
  private failure: Error | undefined;

  constructor(private readonly cwd: string) {}

  read(spec: string): Promise<Uint8Array | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (/[\n\r]/.test(spec)) return Promise.resolve(undefined);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      child.stdin.write(`${spec}\n`);
    });
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = childProcess().spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, env: gitEnv() });
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    child.on('error', (error) => this.fail(gitError(error, this.stderr, '读取 Git 对象')));
    child.on('close', (code) => {
      if (this.pending.length === 0) return;
      const known = gitError({ message: '' }, this.stderr, '读取 Git 对象');
      this.fail(
        known.kind !== 'failed'
          ? known
          : new GitError(`读取 Git 对象时 git cat-file 意外退出（代码 ${code}）`, this.stderr),
      );
    });
    child.stdin.on('error', () => undefined);
    this.child = child;
    return child;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.splice(0)) waiting.reject(error);
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const newline = this.buffer.indexOf(0x0a);
      if (newline < 0 || this.pending.length === 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buffer.length < newline + 1 + size + 1) return;
      const body = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.pending.shift()!.resolve(body);
    }
  }
}
