import type { CommandSpec } from './spec.js';

/** A command by name; its spec (options, help text, run) is imported only when that command is used. */
export interface CommandEntry {
  name: string;
  load(): Promise<CommandSpec>;
}

/** Every command, in the order --help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'import', load: async () => (await import('../commands/import/spec.js')).importSpec },
  { name: 'validate', load: async () => (await import('../commands/validate/spec.js')).validateSpec },
  { name: 'status', load: async () => (await import('../commands/status/spec.js')).statusSpec },
  { name: 'overdue', load: async () => (await import('../commands/overdue/spec.js')).overdueSpec },
  { name: 'show', load: async () => (await import('../commands/show/spec.js')).showSpec },
  { name: 'render', load: async () => (await import('../commands/render/spec.js')).renderSpec },
  { name: 'summary', load: async () => (await import('../commands/summary/spec.js')).summarySpec },
  { name: 'trend', load: async () => (await import('../commands/trend/spec.js')).trendSpec },
  { name: 'site', load: async () => (await import('../commands/site/spec.js')).siteSpec },
  { name: 'template', load: async () => (await import('../commands/template/spec.js')).templateSpec },
  { name: 'merge', load: async () => (await import('../commands/merge/spec.js')).mergeSpec },
  { name: 'receive', load: async () => (await import('../commands/receive/spec.js')).receiveSpec },
  { name: 'extend', load: async () => (await import('../commands/extend/spec.js')).extendSpec },
  { name: 'verify', load: async () => (await import('../commands/verify/spec.js')).verifySpec },
  { name: 'missing', load: async () => (await import('../commands/missing/spec.js')).missingSpec },
  { name: 'remind', load: async () => (await import('../commands/remind/spec.js')).remindSpec },
  { name: 'notice', load: async () => (await import('../commands/notice/spec.js')).noticeSpec },
  { name: 'history', load: async () => (await import('../commands/history/spec.js')).historySpec },
  { name: 'log', load: async () => (await import('../commands/log/spec.js')).logSpec },
  { name: 'check', load: async () => (await import('../commands/check/spec.js')).checkSpec },
  { name: 'codeowners', load: async () => (await import('../commands/codeowners/spec.js')).codeownersSpec },
  { name: 'schema', load: async () => (await import('../commands/schema/spec.js')).schemaSpec },
  { name: 'init', load: async () => (await import('../commands/init/spec.js')).initSpec },
];
