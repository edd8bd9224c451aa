import { pushAll } from '../model/arrays.js';
import { REPORTS_DIR } from '../reports/report-path.js';
import { DECISIONS_DIR } from '../model/decision-path.js';
import type { Unit } from '../model/schema.js';

export interface CodeownersOptions {
  /** Owner of ledger/ and of reports of units without an owner, e.g. @org/office. */
  ledgerOwner?: string;
  /** Where the ledger root sits inside the repository ("" at the top, else "dir/"). */
  prefix?: string;
}

export interface Codeowners {
  text: string;
  /** Units whose reports got an owner. */
  owned: string[];
  /** Reporting units without an `owner` in units.yaml. */
  missing: string[];
}

const HEADER = '# 由 ledger codeowners 根据 ledger/units.yaml 中的 owner 生成；请勿手工修改，改名录后重新运行。';

/**
 * The --ledger-owner a CODEOWNERS file was generated with (its /ledger/ rule), so that
 * a plain re-run and --check keep it; undefined for a file this tool did not write.
 */
export function ledgerOwnerOf(text: string, prefix = ''): string | undefined {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== HEADER) return undefined;
  const rule = `/${prefix}ledger/ `;
  const line = lines.find((l) => l.startsWith(rule));
  const owners = line ? handles(line.slice(rule.length)) : [];
  return owners.length ? owners.join(' ') : undefined;
}

/**
 * CODEOWNERS for the ledger repository: each unit's report files belong to
 * its owner handle. Later lines win in CODEOWNERS, so the general rules come first.
 */
export function buildCodeowners(units: readonly Unit[], options: CodeownersOptions = {}): Codeowners {
  const prefix = options.prefix ?? '';
  const lines = [
    HEADER,
    '# 每个单位的报送文件 reports/YYYY-MM/<单位>.yaml 和决定文件 decisions/<单位>/ 只能由该单位的负责人批准合并。',
  ];
  const office = options.ledgerOwner ? handles(options.ledgerOwner) : [];
  if (office.length) {
    lines.push(
      '',
      `/${prefix}ledger/ ${office.join(' ')}`,
      `/${prefix}${REPORTS_DIR}/ ${office.join(' ')}`,
      `/${prefix}${DECISIONS_DIR}/ ${office.join(' ')}`,
      `/CODEOWNERS ${office.join(' ')}`,
    );
  }
  const owned: string[] = [];
  const missing: string[] = [];
  const unitLines: string[] = [];
  for (const unit of units) {
    if ((unit.members ?? []).length > 0) continue;
    const owners = handles(unit.owner ?? '');
    if (owners.length === 0) {
      missing.push(unit.name);
      continue;
    }
    owned.push(unit.name);
    unitLines.push(`/${prefix}${REPORTS_DIR}/*/${escapePattern(unit.name)}.yaml ${owners.join(' ')}`);
    unitLines.push(`/${prefix}${DECISIONS_DIR}/${escapePattern(unit.name)}/ ${owners.join(' ')}`);
  }
  if (unitLines.length) pushAll(lines, ['', ...unitLines]);
  if (missing.length) lines.push('', `# 未设置 owner 的单位：${missing.join('、')}`);
  return { text: `${lines.join('\n')}\n`, owned, missing };
}

/** "@a/b @c" or "a, b" → ["@a/b", "@c"] ; e-mail addresses stay as they are. */
export function handles(owner: string): string[] {
  return owner
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .map((h) => (h.startsWith('@') || /^[^@\s]+@[^@\s]+$/.test(h) ? h : `@${h}`));
}

function escapePattern(name: string): string {
  return name.replace(/([\s#\\])/g, '\\$1');
}

/** How to give a unit an owner, with a unit of this ledger as the example. */
export function ownerHint(units: readonly Unit[]): string {
  const example = units.find((u) => (u.members ?? []).length === 0)?.name ?? '市公安局';
  return [
    '在 ledger/units.yaml 中给报送单位加上 owner（Git 平台上的账号或团队，多个用空格分开），例如：',
    `      - name: ${example}`,
    '        owner: "@your-org/team"',
    '    然后重新运行 ledger codeowners；也可以用 --ledger-owner @your-org/office 指定台账负责人（ledger/ 与未设 owner 单位的报送由其批准）',
  ].join('\n');
}
