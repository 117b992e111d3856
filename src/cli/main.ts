/**
 * The `banzi` command line: start, serve, migrate, seed, user, audit verify, calendar.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { bootstrap } from '../server/bootstrap.js';
import { loadConfig } from '../server/config.js';
import { serve } from '../server/main.js';
import {
  isDatabaseEmpty,
  printDemoAccounts,
  seedDemo,
  holdsRealData,
  resetDemoPasswords,
} from '../server/demo/seed.js';
import { randomDemoPassword } from '../server/demo/accounts.js';
import { auditCommand } from './audit.js';
import { userCommand } from './user.js';
import { CLI_EXTENSIONS } from './extensions.js';

const HELP = `banzi — 党组班子工作系统 Party Group leadership-team system

用法 Usage: banzi <command> [options]

  start [--demo]             构建界面（如缺失）并启动服务；空库不载入演示数据，--demo 载入（npm start 即此）
                             / build the UI if missing, then serve; an empty database stays empty unless --demo
  serve [--demo]             启动服务 / serve the API and UI (http://127.0.0.1:8080)
  migrate                    执行数据库迁移 / run database migrations
  seed --demo                载入演示数据（拒绝含真实数据的数据库）/ load demo data (refuses a database with real data)
  demo-passwords             重置并打印演示账户密码 / reset and print the demo accounts' password
  user add --role <role> --username <name> [--display-name <name>] [--password-stdin|--password-prompt]
                             新建管理员账户并打印激活码，role: system-admin | security-admin | auditor
  user reset|unlock|enable|disable <name>
                             重新签发激活码、解除锁定、启用、停用账户（记入审计日志）
  user batch list | confirm <id> --codes-out FILE | reject <id> [--reason TEXT]
                             批量开设账户：安全管理员一侧确认（整批）并写出第 2 段激活码
  audit verify [--checkpoint FILE]
                             校验审计日志密钥链与检查点 / verify the audit log's keyed chain and checkpoints
  audit declare-restore --note TEXT
                             恢复备份后声明缺口 / declare a restore of a backup (the lost tail is reported as declared)
  backup <file>              在线备份内置数据库（SQLite）/ online backup of the embedded database
${CLI_EXTENSIONS.map((e) => (e.usage.length < 27 ? `  ${e.usage.padEnd(27)}${e.help}` : `  ${e.usage}\n  ${' '.repeat(27)}${e.help}`)).join('\n')}

环境变量 Environment: BANZI_DATABASE_URL (postgres://…; 默认内置 SQLite ./data/banzi.db),
  BANZI_PORT (8080), BANZI_HOST (127.0.0.1), BANZI_PUBLIC_URL, BANZI_KEY / BANZI_KEY_FILE (./data/banzi.key),
  BANZI_AUDIT_KEY / BANZI_AUDIT_KEY_FILE (./data/banzi-audit.key), BANZI_AUDIT_CHECKPOINT_FILE (./data/banzi-audit.checkpoints),
  BANZI_TRUST_PROXY (反向代理 reverse proxy: 1 = one nginx), BANZI_ACTIVATION_HOURS (72)
  BANZI_DEMO (1: 空库载入演示数据 load the demo into an empty database; 0: 从不 never)
`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** Build the UI when it is missing or older than its sources. */
function ensureClientBuilt(clientDir: string): void {
  const index = join(clientDir, 'index.html');
  const root = process.cwd();
  const sources = [join(root, 'src/client'), join(root, 'src/common')].filter(existsSync);
  const stale = existsSync(index) && sources.some((d) => newestMtime(d) > statSync(index).mtimeMs);
  if (existsSync(index) && !stale) return;
  console.log(
    existsSync(index)
      ? '[banzi] 界面源码有更新，正在重新构建… (rebuilding the UI)'
      : '[banzi] 首次启动，正在构建界面… (building the UI, about a minute)',
  );
  const vite = resolve(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('UI build failed (vite build)');
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    case 'start':
      ensureClientBuilt(config.clientDir);
      await serve(config, { demo: argv.includes('--demo') });
      return -1;
    case 'serve':
      await serve(config, { demo: argv.includes('--demo') });
      return -1;
    case 'migrate': {
      const { ctx, migrated } = await bootstrap(config);
      console.log(migrated.length ? `已执行迁移 applied: ${migrated.join(', ')}` : '数据库已是最新 already up to date');
      await ctx.handle.close();
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({
        args: [sub ?? '', ...rest].filter(Boolean),
        options: { demo: { type: 'boolean' } },
      });
      if (!values.demo) {
        console.error('用法 usage: banzi seed --demo');
        return 2;
      }
      const { ctx } = await bootstrap(config);
      try {
        if (await holdsRealData(ctx)) {
          console.error('拒绝：数据库中已有真实数据，不能载入演示数据。Refused: the database holds real data.');
          return 1;
        }
        if (!(await isDatabaseEmpty(ctx))) {
          console.error(
            '数据库中已有演示数据。The database already holds demo data (use `banzi demo-passwords` to reset passwords).',
          );
          return 1;
        }
        const password = randomDemoPassword(ctx.random);
        printDemoAccounts(await seedDemo(ctx, { password }), password);
        return 0;
      } finally {
        await ctx.handle.close();
      }
    }
    case 'demo-passwords': {
      const { ctx } = await bootstrap(config);
      try {
        const password = randomDemoPassword(ctx.random);
        const accounts = await resetDemoPasswords(ctx, password);
        if (!accounts.length) {
          console.error('没有演示账户。No demo accounts.');
          return 1;
        }
        printDemoAccounts(accounts, password);
        return 0;
      } finally {
        await ctx.handle.close();
      }
    }
    case 'user':
      return userCommand(sub, rest, config);
    case 'audit':
      return auditCommand(sub, rest, config);
    case 'backup': {
      if (!sub) {
        console.error('用法 usage: banzi backup <file>');
        return 2;
      }
      const { ctx } = await bootstrap(config);
      try {
        if (!ctx.handle.sqlite) {
          console.error('PostgreSQL 请使用 pg_dump 备份（见 docs/operations.md）。Use pg_dump for PostgreSQL.');
          return 2;
        }
        await ctx.handle.sqlite.backup(resolve(sub));
        console.log(
          `已备份到 ${resolve(sub)}。请另行备份密钥文件 ${config.keyFile}、审计密钥 ${config.auditKeyFile} 和检查点文件 ${config.auditCheckpointFile}（不要与数据库备份放在一起）。`,
        );
        return 0;
      } finally {
        await ctx.handle.close();
      }
    }
    default: {
      const ext = CLI_EXTENSIONS.find((e) => e.command === command && (!e.sub || e.sub === sub));
      if (ext) return ext.run(ext.sub ? rest : [sub ?? '', ...rest].filter(Boolean), config);
      console.error(`未知命令 unknown command: ${command}\n`);
      console.log(HELP);
      return 2;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
