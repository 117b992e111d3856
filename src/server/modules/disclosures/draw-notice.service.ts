/**
 * The printable notice of a drawn spot check (.docx), for the personnel office that ran the draw
 * to publish inside the unit; audited. The posts are those held on the day of the draw.
 */
import { forbidden } from '../../../common/errors.js';
import { dateIn } from '../../../common/time.js';
import type { AppContext } from '../../context.js';
import { auditActorOf, type RequestMeta, type Actor } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import { currentPosts } from '../people/index.js';
import { drawNoticeDocx } from './draw-notice.docx.js';
import { canManageDraws } from './disclosures.policy.js';
import { drawFile } from './draws.service.js';

export async function drawNotice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<{ file: Buffer; filename: string }> {
  const f = await drawFile(ctx, actor, id);
  if (!canManageDraws(actor, f.unitId)) throw forbidden('抽查结果通知由组织抽查的人事部门导出');
  const posts = await currentPosts(ctx.db, f.selected, dateIn(new Date(f.drawnAt)));
  const postOf = (personId: string) => posts.find((p) => p.person_id === personId)?.title ?? '';
  const byId = new Map(f.eligible.map((e) => [e.id, e]));
  const file = await drawNoticeDocx({
    unitName: f.unitName,
    year: f.year,
    ratio: f.ratio,
    population: f.eligible.length,
    commitment: f.commitment,
    inputsDigest: f.inputsDigest,
    publishedAt: f.publishedAt,
    publicValue: f.publicValue,
    seed: f.seed,
    drawnAt: f.drawnAt,
    selected: f.selected.map((pid) => ({
      name: byId.get(pid)?.name ?? pid,
      unitName: byId.get(pid)?.unitName ?? '',
      post: postOf(pid),
    })),
    issuedOn: today(ctx.clock),
  });
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.draw_notice_exported',
      entityType: 'disclosure_draw',
      entityId: id,
      unitId: f.unitId,
      details: { year: f.year, selected: f.selected.length },
    }),
  );
  return { file, filename: `${f.unitName}${f.year}年度随机抽查结果通知.docx` };
}
