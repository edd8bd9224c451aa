#!/usr/bin/env node
// The floor for `ledger validate`: read and parse the same YAML files (ledger/ and reports/) with the
// `yaml` package in one process, keeping nothing.   node scripts/bench/yaml-floor.mjs LEDGER_ROOT
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

function yamlFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const root = process.argv[2] ?? '.';
let files = 0;
for (const file of [...yamlFiles(path.join(root, 'ledger')), ...yamlFiles(path.join(root, 'reports'))]) {
  parse(readFileSync(file, 'utf8'));
  files++;
}
if (process.env.YAML_FLOOR_VERBOSE) console.log(`${files} files parsed`);
