/**
 * Module commands, e.g. `banzi disclosures verify-draw FILE`. A module adds one entry.
 */
import type { Config } from '../server/config.js';
import { verifyBallotsCommand } from '../server/modules/ballots/index.js';
import { verifyDrawCommand } from '../server/modules/disclosures/index.js';
import { createRootCommand, importCommand, templateCommand } from './units.js';
import { RULES_OVERRIDE_USAGE, rulesOverrideCommand } from '../server/modules/rules/index.js';

export interface CliExtension {
  command: string;
  sub?: string;
  usage: string;
  help: string;
  /** Returns the exit code */
  run(args: string[], config: Config): Promise<number>;
}

export const CLI_EXTENSIONS: CliExtension[] = [
  {
    command: 'units',
    sub: 'create-root',
    usage: 'units create-root --code CODE --name NAME [--short-name S] [--level direct] [--organ-type party_group]',
    help: '创建根单位（直属海关或整个系统，只能一次，记入审计日志）/ create the root unit of a real installation',
    run: (args, config) => createRootCommand(args, config),
  },
  {
    command: 'units',
    sub: 'template',
    usage: 'units template FILE.xlsx',
    help: '写出单位、班子和人员的导入模板 / write the import template (单位 / 人员 / 班子成员)',
    run: (args) => templateCommand(args),
  },
  {
    command: 'units',
    sub: 'import',
    usage: 'units import FILE.xlsx [--dry-run] [--accounts --codes-out FILE]',
    help: '导入单位、班子和人员（--dry-run 只预览；有错则不写入；--accounts 为文件中尚无账户的人员申请批量开设账户并写出第 1 段激活码）/ import units, teams and people',
    run: (args, config) => importCommand(args, config),
  },
  {
    command: 'disclosures',
    sub: 'verify-draw',
    usage: 'disclosures verify-draw FILE',
    help: '离线复算个人有关事项随机抽查（不访问数据库）/ recompute a spot-check draw from its JSON file',
    run: (args) => verifyDrawCommand(args),
  },
  {
    command: 'ballots',
    sub: 'verify',
    usage: 'ballots verify SESSION_ID',
    help: "核对测评：复算回执、票数与已用测评码、设置摘要 / check a session's receipts, counts and settings digest",
    run: (args, config) => verifyBallotsCommand(args, config),
  },
  {
    command: 'rules',
    sub: 'override',
    usage: RULES_OVERRIDE_USAGE,
    help: '根单位放宽（或调整）本单位规则参数，记入审计日志 / the root unit sets its own rule parameters (logged)',
    run: (args, config) => rulesOverrideCommand(args, config),
  },
];
