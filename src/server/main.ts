/**
 * Start the server: bootstrap, load demo data into an empty default embedded database, listen.
 */
import type { Config } from './config.js';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { isDatabaseEmpty, seedDemo, printDemoAccounts } from './demo/seed.js';
import { randomDemoPassword } from './demo/accounts.js';

export async function serve(config: Config): Promise<void> {
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
  if (config.isDefaultDatabase && (await isDatabaseEmpty(ctx))) {
    const password = randomDemoPassword(ctx.random);
    console.log('[banzi] 空的内置数据库：正在载入演示数据（人物均为虚构）…');
    const accounts = await seedDemo(ctx, { password });
    printDemoAccounts(accounts, password);
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
