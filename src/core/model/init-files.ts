import { jsonSchemaFiles, SCHEMA_DIR, vscodeSettings } from './json-schemas.js';
/** What `ledger init` writes: target path → template it comes from. */
export const INIT_LAYOUT: readonly { target: string; template: string }[] = [
  { target: 'ledger/units.yaml', template: 'init/units.yaml' },
  { target: 'ledger/config.yaml', template: 'init/config.yaml' },
  { target: 'ledger/01-示例主要指标.yaml', template: 'init/01-示例主要指标.yaml' },
  { target: 'reports/.gitkeep', template: '' },
  { target: '.github/workflows/ledger.yml', template: 'ci/github-actions.yml' },
  { target: '.gitlab-ci.yml', template: 'ci/gitlab-ci.yml' },
  { target: 'README.md', template: 'init/README.md' },
  { target: 'package.json', template: 'init/package.json' },
  { target: '.gitignore', template: 'init/gitignore' },
];

export interface InitValues {
  title: string;
  /** npm package name of the new repository. */
  name: string;
  /** The tool's npm package name (the devDependency's key). */
  toolName: string;
  /** Where npm installs the tool from: a version range, git URL, npm: alias or file:tools/….tgz (never a path of this machine). */
  tool: string;
  /** The day of `ledger init`, YYYY-MM-DD: the example measure is due at the end of the next year, so a new ledger starts green. */
  asOf: string;
}

/** 2027年底前 for a ledger made in 2026. */
export function exampleDeadline(asOf: string): string {
  return `${Number(asOf.slice(0, 4)) + 1}年底前`;
}

/** The new repository's files, from the templates' texts (keyed by template path). */
export function initFiles(templates: Readonly<Record<string, string>>, values: InitValues): Record<string, string> {
  const out: Record<string, string> = { '.vscode/settings.json': vscodeSettings() };
  for (const [file, text] of Object.entries(jsonSchemaFiles())) out[`${SCHEMA_DIR}/${file}`] = text;
  for (const { target, template } of INIT_LAYOUT) {
    const text = template === '' ? '' : (templates[template] ?? '');
    out[target] = fill(target, text, values);
  }
  return out;
}

function fill(target: string, text: string, values: InitValues): string {
  if (target === 'package.json') {
    const json = JSON.parse(text) as { name: string; description: string; devDependencies: Record<string, string> };
    return `${JSON.stringify({ ...json, name: values.name, description: values.title, devDependencies: { [values.toolName]: values.tool } }, null, 2)}\n`;
  }
  if (target === 'ledger/config.yaml') return text.replace(/^title: .*$/m, `title: ${JSON.stringify(values.title)}`);
  return text.replaceAll('{{TITLE}}', values.title).replaceAll('{{DEADLINE}}', exampleDeadline(values.asOf));
}

/** A valid npm package name from a folder name: lower-case ASCII letters, digits and hyphens. */
export function packageNameFor(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'ledger-data' : name;
}
