/**
 * Demo data: the 2025 annual grades of 阿勒泰海关's team, recorded by the personnel office of
 * 乌鲁木齐海关 in January 2026 (one 优秀 within the 20% share, the rest 称职; team grade 良好).
 */
import type { AppContext } from '../../context.js';
import type { DemoWorld } from '../../demo/extensions.js';
import { seededRandom, uuidv7 } from '../../platform/random.js';

export async function seedAssessmentsDemo(ctx: AppContext, world: DemoWorld): Promise<void> {
  const unitId = world.unitIds.altay;
  const recorder = world.userIds['wlmq-renshi'];
  if (!unitId || !recorder) return;
  const r = seededRandom(20260115);
  const at = '2026-01-15T02:00:00.000Z';
  const id = uuidv7(r, Date.parse(at));
  const team = await ctx.db
    .selectFrom('team_members')
    .select(['person_id', 'admin_post', 'sort_order'])
    .where('unit_id', '=', unitId)
    .where('end_date', 'is', null)
    .orderBy('sort_order')
    .execute();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('grading_batches')
      .values({
        id,
        unit_id: unitId,
        year: 2025,
        type: 'annual',
        title: '阿勒泰海关领导班子和领导干部2025年年度考核',
        team_grade: '良好',
        team_grade_note: '班子团结，完成年度重点任务，口岸通关时效排名靠前；作风建设仍需加强。',
        created_by: recorder,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (team.length) {
      await trx
        .insertInto('grades')
        .values(
          team.map((m, i) => ({
            id: uuidv7(r, Date.parse(at)),
            batch_id: id,
            person_id: m.person_id,
            post: m.admin_post ?? '班子成员',
            sort_order: i,
            grade: i === 0 ? 'excellent' : 'competent',
            note: null,
            notified_on: '2026-01-20',
            recorded_by: recorder,
            recorded_at: at,
          })),
        )
        .execute();
    }
    await ctx.audit.record(
      trx,
      { actorUserId: null, actorName: 'demo', requestId: null },
      {
        action: 'demo.assessments_seeded',
        entityType: 'database',
        unitId,
        details: { year: 2025, members: team.length },
      },
    );
  });
}
