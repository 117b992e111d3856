/**
 * The activation code halves of a batch, handed out as documents (issue 16 §1; AC-02): the
 * requester takes the first halves before confirmation, the confirmer the second halves after it,
 * each once, as a .xlsx list (name, unit, username, half). The halves are made when taken and only
 * their digests are kept, so a second download is refused: nobody, the server included, can show
 * them again. Taking the second halves opens each account's two-part code. Audited.
 */
import ExcelJS from 'exceljs';
import { AppError, notFound } from '../../../common/errors.js';
import { dateIn, formatInstant } from '../../../common/time.js';
import type { AppContext } from '../../context.js';
import { nowIso } from '../../platform/clock.js';
import { halfFor, isDecider, isRequester, refuseBatch, type BatchWho } from './accounts.batches.js';
import * as brepo from './accounts.batches.repository.js';
import type { BatchRow } from './accounts.batches.table.js';
import { issueActivation, newPart } from './accounts.credentials.js';

export interface HalvesDocument {
  half: 1 | 2;
  count: number;
  filename: string;
  xlsx: Buffer;
}

interface Line {
  personName: string;
  unitName: string;
  username: string;
  code: string;
}

async function whyNot(ctx: AppContext, who: BatchWho, b: BatchRow): Promise<AppError> {
  const taken = (at: string | null, n: number) =>
    new AppError('CONFLICT', `第 ${n} 段激活码已于 ${formatInstant(at ?? '')} 下载，激活码只能下载一次`);
  if (b.status === 'rejected' || b.status === 'cancelled') {
    return new AppError('INVALID_STATE', `该批量申请已${b.status === 'rejected' ? '驳回' : '撤回'}，没有激活码`);
  }
  if (b.status === 'confirmed' && isDecider(b, who)) return taken(b.second_issued_at, 2);
  if (isRequester(b, who) && b.first_issued_at) return taken(b.first_issued_at, 1);
  if (b.status === 'pending' && who.adminRole === 'security_admin') {
    return refuseBatch(
      ctx,
      who,
      b.id,
      'take_batch_codes',
      '第 2 段激活码在确认该批量申请后由确认人下载',
      'The second halves are taken by the confirmer, after confirmation',
    );
  }
  return refuseBatch(
    ctx,
    who,
    b.id,
    'take_batch_codes',
    '只有申请人（第 1 段）和确认人（第 2 段）可以下载各自的激活码，任何一人都拿不到完整的激活码（三员分立）',
    'Only the requester (first halves) and the confirmer (second halves) take their own halves',
  );
}

/** Take the viewer's halves of a batch (once). */
export async function takeHalves(ctx: AppContext, who: BatchWho, id: string): Promise<HalvesDocument> {
  const b = await brepo.findBatch(ctx.db, id);
  if (!b) throw notFound('批量申请');
  const half = halfFor(b, who);
  if (!half) throw await whyNot(ctx, who, b);
  const column = half === 1 ? 'first_issued_at' : 'second_issued_at';
  const { lines, expiresAt } = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx.clock);
    const claimed = await brepo.claimHalf(trx, id, column, half === 1 ? 'pending' : 'confirmed', now);
    if (Number(claimed.numUpdatedRows) !== 1) throw await whyNot(ctx, who, (await brepo.findBatch(trx, id)) ?? b);
    const out: Line[] = [];
    let expires: string | null = null;
    for (const item of await brepo.itemsOf(trx, id)) {
      if (item.outcome !== (half === 1 ? 'pending' : 'created')) continue;
      const part = newPart(ctx, item.user_id);
      if (half === 1) {
        await brepo.updateItem(trx, id, item.seq, { code_hash: part.digest });
      } else {
        expires = await issueActivation(
          ctx,
          trx,
          who.audit,
          { id: item.user_id, username: item.username },
          [item.code_hash ?? '', part.digest],
          { reason: 'batch', batchId: id, firstHalfTo: b.requested_by_name, secondHalfTo: who.name, ruleId: 'AC-01' },
        );
      }
      out.push({ personName: item.person_name, unitName: item.unit_name, username: item.username, code: part.text });
    }
    await ctx.audit.record(trx, who.audit, {
      action: 'accounts.batch_codes_taken',
      entityType: 'account_batch',
      entityId: id,
      details: { half, count: out.length, ruleId: 'AC-02', ip: who.http?.meta.ip ?? null },
    });
    return { lines: out, expiresAt: expires };
  });
  return {
    half,
    count: lines.length,
    filename: `账户激活码第${half}段-${dateIn(new Date(b.requested_at)).replace(/-/g, '')}-${id.slice(-6)}.xlsx`,
    xlsx: await halvesWorkbook(half, lines, expiresAt),
  };
}

async function halvesWorkbook(half: 1 | 2, lines: Line[], expiresAt: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banzi 班子';
  const ws = wb.addWorksheet(`激活码第${half}段`, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`账户激活码 第 ${half} 段（共 2 段）`]).font = { bold: true, size: 14 };
  ws.addRow([
    `两段激活码分别由系统管理员和安全管理员交给本人；本人在登录页“首次登录 / 激活账户”输入用户名和两段激活码（顺序不限）并设定密码。` +
      (expiresAt ? `有效期至 ${formatInstant(expiresAt)}。` : '有效期自安全管理员下载第 2 段时起算。') +
      '本文件只能下载一次，请妥善保管，交付后销毁。',
  ]);
  ws.addRow(['序号', '姓名', '单位', '用户名', `激活码第 ${half} 段`]).font = { bold: true };
  for (const [i, l] of lines.entries()) ws.addRow([i + 1, l.personName, l.unitName, l.username, l.code]);
  const widths = [8, 14, 28, 22, 20];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
