/**
 * `banzi units …`: what a real installation runs on the server to set up its unit tree
 * (issue 16 §1): create the root unit, hand out the import template, import units, teams and
 * people (with --dry-run first). Every write is logged in the audit log with the CLI as actor.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../common/errors.js';
import { bootstrap } from '../server/bootstrap.js';
import type { Config } from '../server/config.js';
import { parseLevel, parseOrganType } from '../server/modules/orgs/index.js';
import { importUnitsFile, type ImportResult } from '../server/modules/orgs/index.js';
import { buildImportTemplate } from '../server/modules/orgs/index.js';
import { createRootUnit } from '../server/modules/orgs/index.js';
import { requestImportBatch } from './batch.js';

const CLI_ACTOR = { actorUserId: null, actorName: 'cli', requestId: null };

const fail = (e: unknown) => {
  console.error(`失败 failed: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
};

export async function createRootCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      'short-name': { type: 'string' },
      level: { type: 'string', default: 'direct' },
      'organ-type': { type: 'string', default: 'party_group' },
    },
  });
  if (!values.code || !values.name) {
    console.error(
      '用法 usage: banzi units create-root --code CODE --name NAME [--short-name S] [--level direct|gac] [--organ-type party_group|party_group_committee|party_committee]',
    );
    return 2;
  }
  const level = parseLevel(values.level);
  const organType = parseOrganType(values['organ-type']);
  if (!level || !organType) {
    console.error(
      '--level 应为 gac|direct|subordinate|internal，--organ-type 应为 party_group|party_group_committee|party_committee',
    );
    return 2;
  }
  const { ctx } = await bootstrap(config);
  try {
    const id = await createRootUnit(ctx, CLI_ACTOR, {
      code: values.code,
      name: values.name,
      shortName: values['short-name'],
      level,
      organType,
    });
    console.log(`已创建根单位 created the root unit: ${values.name}（${values.code}，${id}）`);
    console.log(
      '下一步 next: 安全管理员为根单位的人事部门授权（人事部门可调整根单位本级班子），再导入单位、班子和人员：',
    );
    console.log('  npx banzi units template units.xlsx  →  填写  →  npx banzi units import units.xlsx --dry-run');
    return 0;
  } catch (e) {
    return fail(e);
  } finally {
    await ctx.handle.close();
  }
}

export async function templateCommand(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error('用法 usage: banzi units template FILE.xlsx');
    return 2;
  }
  writeFileSync(resolve(file), await buildImportTemplate());
  console.log(`已写出导入模板 template written: ${resolve(file)}（工作表：说明、单位、人员、班子成员）`);
  return 0;
}

export function printImportResult(r: ImportResult, print: (s: string) => void = console.log): void {
  print(
    `文件 file: ${r.rows.units} 个单位行、${r.rows.people} 个人员行、${r.rows.team} 个班子成员行（SM3 ${r.fileHash.slice(0, 16)}…）`,
  );
  if (r.errors.length) {
    print(`发现 ${r.errors.length} 处错误，未导入任何数据 ${r.errors.length} error(s), nothing was written:`);
    for (const e of r.errors) {
      print(
        `  ${e.sheet || '文件'}${e.row ? ` 第 ${e.row} 行` : ''}${e.column ? ` 「${e.column}」` : ''}：${e.reason}`,
      );
    }
    return;
  }
  if (!r.changes.length) {
    print('没有变化：文件与系统中的记录一致。No changes.');
    return;
  }
  for (const c of r.changes) print(`  ${c.sheet} 第 ${c.row} 行：${c.text}`);
  const n = r.counts;
  print(
    `${r.applied ? '已导入 imported' : '预览（未写入）dry run, nothing written'}：单位 新增 ${n.unitsCreated}、修改 ${n.unitsUpdated}；` +
      `人员 新增 ${n.peopleCreated}、修改 ${n.peopleUpdated}；班子任职 新增 ${n.membershipsCreated}、修改或结束 ${n.membershipsUpdated}。`,
  );
  if (r.applied && n.peopleCreated) {
    print(
      '新建的人员还没有登录账户：加 --accounts 申请批量开设，或由系统管理员在“账户申请”页申请，安全管理员确认（两段激活码，任何管理员都不知道可用密码）。',
    );
  }
}

export async function importCommand(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, accounts: { type: 'boolean' }, 'codes-out': { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || (values.accounts && !values['dry-run'] && !values['codes-out'])) {
    console.error('用法 usage: banzi units import FILE.xlsx [--dry-run] [--accounts --codes-out FIRST-HALVES.xlsx]');
    return 2;
  }
  let buf: Buffer;
  try {
    buf = readFileSync(resolve(file));
  } catch (e) {
    return fail(e);
  }
  const { ctx } = await bootstrap(config);
  try {
    const r = await importUnitsFile(ctx, { actor: CLI_ACTOR, scope: { kind: 'server' } }, buf, {
      dryRun: Boolean(values['dry-run']),
    });
    printImportResult(r);
    if (r.errors.length) return 1;
    if (values.accounts && !r.dryRun) {
      try {
        await requestImportBatch(
          ctx,
          r.personIds,
          `导入文件 SM3 ${r.fileHash.slice(0, 16)}…`,
          values['codes-out'] ?? '',
        );
      } catch (e) {
        // Everyone of the file has an account already (e.g. a second import): nothing to request.
        if (e instanceof AppError && e.code === 'CONFLICT') {
          console.log(`没有申请批量开设账户 no account batch: ${e.message}`);
          return 0;
        }
        return fail(e);
      }
    }
    return 0;
  } catch (e) {
    return fail(e);
  } finally {
    await ctx.handle.close();
  }
}
