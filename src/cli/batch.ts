/**
 * `banzi user batch …`: the security admin's side of an account batch on the server (issue 16 §1),
 * and the system admin's side used by `banzi units import --accounts`. The CLI acts as 'cli (<os
 * user>)' in the audit log; it never confirms a batch the same operating-system user requested, so
 * no one holds both halves of a code.
 *   user batch list
 *   user batch confirm ID --codes-out FILE.xlsx   confirm the whole batch, write the second halves
 *   user batch reject ID [--reason TEXT]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '../server/bootstrap.js';
import type { Config } from '../server/config.js';
import type { AppContext } from '../server/context.js';
import { listBatches, requestBatch, whoOfCli } from '../server/modules/accounts/index.js';
import { takeHalves } from '../server/modules/accounts/index.js';
import { confirmBatch, rejectBatch } from '../server/modules/accounts/index.js';

export const BATCH_USAGE = `用法 usage:
  banzi user batch list
  banzi user batch confirm ID --codes-out FILE.xlsx   确认整批并写出第 2 段激活码 / confirm, write the second halves
  banzi user batch reject ID [--reason TEXT]`;

const STATUS_ZH: Record<string, string> = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '已驳回',
  cancelled: '已撤回',
};

/** Take the halves the CLI may take now and write them to FILE; returns how many. */
async function writeHalves(ctx: AppContext, side: 'system_admin' | 'security_admin', id: string, file: string) {
  const doc = await takeHalves(ctx, whoOfCli(side), id);
  writeFileSync(resolve(file), doc.xlsx, { mode: 0o600 });
  console.log(
    `已写出第 ${doc.half} 段激活码 ${doc.count} 个 wrote ${doc.count} half-codes (part ${doc.half} of 2): ${resolve(file)}`,
  );
  console.log('激活码只显示这一次：打印或交付后销毁此文件。The halves are shown only this once.');
}

/** For `units import --accounts`: request a batch for the people of the file, write the first halves. */
export async function requestImportBatch(
  ctx: AppContext,
  personIds: string[],
  scope: string,
  codesOut: string,
): Promise<void> {
  const { batch, excluded } = await requestBatch(ctx, whoOfCli('system_admin'), { unitIds: [], personIds, scope });
  console.log(`已申请批量开设账户 requested account batch ${batch.id}：${batch.count} 人`);
  for (const i of batch.items) console.log(`  ${i.personName}（${i.unitName}）→ ${i.username}`);
  for (const e of excluded) console.log(`  不开设 not included: ${e.personName}（${e.unitName}）：${e.reason}`);
  await writeHalves(ctx, 'system_admin', batch.id, codesOut);
  console.log(
    `下一步 next: 安全管理员在“账户申请”页确认，或在服务器上以另一个系统用户运行 banzi user batch confirm ${batch.id} --codes-out FILE.xlsx`,
  );
}

export async function batchCommand(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { 'codes-out': { type: 'string' }, reason: { type: 'string' } },
  });
  const id = positionals[0];
  if (!['list', 'confirm', 'reject'].includes(sub ?? '') || (sub !== 'list' && !id)) {
    console.error(BATCH_USAGE);
    return 2;
  }
  if (sub === 'confirm' && !values['codes-out']) {
    console.error('确认时须用 --codes-out FILE.xlsx 写出第 2 段激活码 / confirm needs --codes-out FILE.xlsx');
    return 2;
  }
  const { ctx } = await bootstrap(config);
  try {
    if (sub === 'list') {
      for (const b of await listBatches(ctx, whoOfCli('security_admin'))) {
        console.log(
          `${b.id}  ${STATUS_ZH[b.status] ?? b.status}  ${b.count} 人  ${b.scope}  申请人 ${b.requestedByName}  ${b.requestedAt}`,
        );
      }
    }
    if (sub === 'confirm' && id) {
      const done = await confirmBatch(ctx, whoOfCli('security_admin'), id);
      console.log(`已确认 confirmed: 开设 ${done.created} 个账户，跳过 ${done.skipped} 人`);
      for (const i of done.items.filter((x) => x.outcome === 'skipped')) {
        console.log(`  跳过 skipped: ${i.personName}（${i.unitName}）：${i.note ?? ''}`);
      }
      await writeHalves(ctx, 'security_admin', id, values['codes-out'] ?? '');
    }
    if (sub === 'reject' && id) {
      await rejectBatch(ctx, whoOfCli('security_admin'), id, values.reason ?? null);
      console.log(`已驳回 rejected: ${id}`);
    }
    return 0;
  } catch (e) {
    console.error(`失败 failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await ctx.handle.close();
  }
}
