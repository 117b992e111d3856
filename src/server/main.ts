/**
 * Start the server: bootstrap, load demo data into an empty database when asked for, listen.
 * Demo data is opt-in (issue 16 §1): `npm start` passes --demo for newcomers; a real installation
 * (`banzi start` / `banzi serve`) starts empty.
 */
import type { Config } from './config.js';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { isDatabaseEmpty, seedDemo, printDemoAccounts } from './demo/seed.js';
import { randomDemoPassword } from './demo/accounts.js';

/**
 * Load the demo into an empty database? BANZI_DEMO=0 never, BANZI_DEMO=1 always; otherwise only when
 * `--demo` was given (what `npm start` does) and the database is the default embedded one, so that
 * `npm start` against a real PostgreSQL never fills it with invented people.
 */
export function demoWanted(config: Pick<Config, 'demo' | 'isDefaultDatabase'>, demoFlag: boolean): boolean {
  if (config.demo !== null) return config.demo;
  return demoFlag && config.isDefaultDatabase;
}

export async function serve(config: Config, opts: { demo?: boolean } = {}): Promise<void> {
  const { ctx, migrated, keyFileCreated, auditKeyFileCreated, rebound, calendarYearsAdded } = await bootstrap(config);
  const where = ctx.dialect === 'postgres' ? 'PostgreSQL' : config.database;
  console.log(
    `[banzi] 数据库 database: ${where}${migrated.length ? `（已执行迁移 migrations: ${migrated.join(', ')}）` : ''}`,
  );
  if (calendarYearsAdded.length) {
    console.log(
      `[banzi] 工作日历已载入 calendar years: ${Math.min(...calendarYearsAdded)}-${Math.max(...calendarYearsAdded)}`,
    );
  }
  if (keyFileCreated) {
    console.warn(`[banzi] 已生成字段加密密钥 ${keyFileCreated}。请立即备份此文件：丢失后身份证号等加密字段无法恢复。`);
    console.warn(
      `[banzi] A new field-encryption key was written to ${keyFileCreated}. Back it up now: without it encrypted fields cannot be read.`,
    );
  }
  if (auditKeyFileCreated) {
    console.warn(
      `[banzi] 已生成审计密钥 ${auditKeyFileCreated}，审计检查点写入 ${config.auditCheckpointFile}。请与数据库分开备份：没有审计密钥就无法校验审计日志。`,
    );
    console.warn(
      `[banzi] A new audit key was written to ${auditKeyFileCreated}; checkpoints go to ${config.auditCheckpointFile}. Back both up apart from the database.`,
    );
  }
  if (rebound) {
    const n = Object.values(rebound.columns).reduce((a, b) => a + b, 0);
    console.log(`[banzi] 已将 ${n} 个旧格式加密字段重新加密并绑定到所在记录 (issue 8 §7b)。`);
  }
  if (await isDatabaseEmpty(ctx)) {
    if (demoWanted(config, opts.demo ?? false)) {
      const password = randomDemoPassword(ctx.random);
      console.log('[banzi] 空数据库：正在载入演示数据（人物均为虚构）…');
      const accounts = await seedDemo(ctx, { password });
      printDemoAccounts(accounts, password);
      console.log(
        '[banzi] 不要演示数据？停止服务，删除 ./data 后运行 `npx banzi start`（或 `BANZI_DEMO=0 npm start`），',
      );
      console.log(
        '[banzi] 真实安装的步骤见 README「真实安装」。Without the demo: remove ./data, then `npx banzi start`.',
      );
    } else {
      console.log('[banzi] 空数据库，未载入演示数据（真实安装）。Empty database, no demo data (a real installation).');
      console.log(
        '[banzi] 下一步 next: npx banzi user add …（三名管理员）→ npx banzi units create-root … → npx banzi units import …',
      );
      console.log('[banzi] 见 README「真实安装」。只想看演示：npm start 或 BANZI_DEMO=1。');
    }
  }
  const app = await buildApp(ctx, { logger: { level: config.logLevel } });
  const close = async () => {
    await app.close();
    await ctx.handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ host: config.host, port: config.port });
  console.log(`[banzi] 已启动 Banzi is running: http://${config.host}:${config.port}  (OpenAPI: /api/openapi.json)`);
}
