/**
 * The root unit of a real installation (issue 16 §1): a directly-affiliated customs or the whole
 * administration, created once by the server's CLI and logged with the CLI as actor. Nothing is
 * above it in the system, so its own personnel office holds the authority over its team that the
 * unit above would (accounts.service, the actor's managed units).
 */
import { AppError, invalidField } from '../../../common/errors.js';
import { ORGAN_TYPES, UNIT_LEVELS } from '../../../common/contracts/orgs.js';
import type { AppContext } from '../../context.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import * as repo from './orgs.repository.js';

export interface RootUnitInput {
  code: string;
  name: string;
  shortName?: string | undefined;
  level: string;
  organType: string;
}

export async function createRootUnit(ctx: AppContext, actor: AuditActor, input: RootUnitInput): Promise<string> {
  const code = input.code.trim();
  const name = input.name.trim();
  const shortName = (input.shortName ?? name).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(code)) {
    throw invalidField('code', '单位代码只能用字母、数字和 - _ .，不超过 40 个字符');
  }
  if (!name || name.length > 100) throw invalidField('name', '请填写单位名称（不超过 100 个字）');
  if (!shortName || shortName.length > 40) throw invalidField('shortName', '简称不超过 40 个字');
  if (!(UNIT_LEVELS as readonly string[]).includes(input.level)) {
    throw invalidField('level', `层级应为 ${UNIT_LEVELS.join('、')} 之一`);
  }
  if (!(ORGAN_TYPES as readonly string[]).includes(input.organType)) {
    throw invalidField('organType', `党组织类型应为 ${ORGAN_TYPES.join('、')} 之一`);
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const roots = await repo.rootUnits(trx);
    if (roots.length) {
      throw new AppError('CONFLICT', `系统中已有根单位：${roots.map((r) => r.name).join('、')}。根单位只能创建一次。`);
    }
    if (await repo.findUnitByCode(trx, code)) {
      throw new AppError('CONFLICT', `单位代码 ${code} 已被使用`, { field: 'code' });
    }
    await repo.insertUnit(trx, {
      id,
      parent_id: null,
      name,
      short_name: shortName,
      level: input.level,
      organ_type: input.organType,
      code,
      sort_order: 0,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.record(trx, actor, {
      action: 'orgs.root_created',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      after: { code, name, shortName, level: input.level, organType: input.organType },
    });
  });
  return id;
}
