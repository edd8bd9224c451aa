import { pushAll } from '../core/model/arrays.js';
import type { CommandSpec } from './spec.js';

/**
 * docs/reference/commands.md, made from the commands' own definitions (the same text `--help` prints):
 * `npm run docs:commands` writes it, and a test fails when it is out of date.
 */
export function renderCommandReference(commands: readonly { name: string; spec: CommandSpec }[]): string {
  const lines = [
    '# 命令参考',
    '',
    '<!-- 由 npm run docs:commands 根据各命令的定义生成，请勿手改；测试 test/docs/command-reference.test.ts 检查它是否最新。 -->',
    '',
    '每个命令都接受全局选项 `--root <dir>`（台账仓库根目录，默认从当前目录向上查找）。退出码：0 正常，1 数据有问题，2 用法或读写错误。',
    '',
    '| 命令 | 用途 |',
    '| --- | --- |',
    ...commands.map(({ name, spec }) => `| [\`ledger ${spec.usage}\`](#${name}) | ${cell(spec.summary)} |`),
  ];
  for (const { name, spec } of commands) pushAll(lines, ['', ...commandSection(name, spec)]);
  return `${lines.join('\n')}\n`;
}

function commandSection(name: string, spec: CommandSpec): string[] {
  const out = [`<a id="${name}"></a>`, '', `## \`ledger ${spec.usage}\``, '', spec.summary];
  if (spec.description) pushAll(out, ['', ...spec.description.split('\n').map((line) => line.trimEnd())]);
  if (spec.options.length > 0) {
    out.push('', '| 选项 | 说明 |', '| --- | --- |');
    for (const option of spec.options) out.push(`| \`${option.flags}\` | ${cell(optionText(option))} |`);
  }
  if (spec.examples.length > 0) pushAll(out, ['', '```sh', ...spec.examples.map((e) => `$ ${e}`), '```']);
  return out;
}

function optionText(option: CommandSpec['options'][number]): string {
  const choices = option.choices ? `（可选：${option.choices.join('、')}）` : '';
  const shown = option.defaultValue !== undefined && option.defaultValue !== false;
  const fallback = shown ? `（默认：${String(option.defaultValue)}）` : '';
  return `${option.description}${choices}${fallback}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
