// `node test/helpers/cli-batch.mjs DIST_CLI` runs the built CLI's main() once for each run read as JSON
// from standard input ([{ args, env }]), one after the other in this one process, and prints
// [{ code, stdout, stderr }] as JSON. Each run sees its own env additions (removed afterwards) and
// writes into buffers instead of the real stdout/stderr, which stay pipes as under runCli.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { main } = await import(pathToFileURL(process.argv[2]).href);
const runs = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
const streams = { stdout: process.stdout, stderr: process.stderr };
const realWrite = { stdout: process.stdout.write, stderr: process.stderr.write };

for (const { args, env = {} } of runs) {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const setEnv = (values) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined || value === null) delete process.env[name];
      else process.env[name] = value;
    }
  };
  setEnv(env);
  const out = { stdout: [], stderr: [] };
  for (const name of ['stdout', 'stderr']) {
    streams[name].write = (chunk, encoding, callback) => {
      // Bytes, decoded once at the end: a character split between two writes stays whole.
      out[name].push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (done) process.nextTick(done);
      return true;
    };
  }
  let code;
  try {
    code = await main(['node', 'ledger', ...args]);
  } finally {
    for (const name of ['stdout', 'stderr']) streams[name].write = realWrite[name];
    setEnv(saved);
  }
  const text = (chunks) => Buffer.concat(chunks).toString('utf8');
  results.push({ code, stdout: text(out.stdout), stderr: text(out.stderr) });
}
// Through the stream (not fs.writeSync: the pipe is non-blocking and a large result would hit EAGAIN).
process.stdout.write(JSON.stringify(results));
