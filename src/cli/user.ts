/**
 * `banzi user …`: account work on the server itself (logged as 'cli'):
 *   user add --role R --username U [--display-name N] [--password-stdin | --password-prompt]
 *   user reset U        a new activation code (the old password stops working)
 *   user unlock U       clear U's lockouts from every address
 *   user enable U | user disable U
 *   user batch list | confirm ID --codes-out FILE | reject ID   (account batches, cli/batch.ts)
 * By default `user add` prints an activation code for the holder; with --password-stdin or
 * --password-prompt the holder types the password at the server's terminal instead.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Activation } from '../common/contracts/accounts.js';
import { ADMIN_ROLE_CLI } from '../common/roles.js';
import { bootstrap } from '../server/bootstrap.js';
import type { Config } from '../server/config.js';
import { cliCreateAdmin, cliReset, cliSetStatus, cliUnlock } from '../server/modules/accounts/index.js';
import { batchCommand } from './batch.js';
import { readSecret } from './prompt.js';

export const USER_USAGE = `用法 usage:
  banzi user add --role system-admin|security-admin|auditor --username NAME [--display-name NAME]
                 [--password-stdin | --password-prompt]
  banzi user reset NAME      重新签发激活码 / issue a new activation code
  banzi user unlock NAME     解除该账户在所有地址的锁定 / clear the account's lockouts
  banzi user enable NAME | banzi user disable NAME
  banzi user batch list | confirm ID --codes-out FILE.xlsx | reject ID [--reason TEXT]
                             批量开设账户（安全管理员一侧）/ account batches, the security admin's side`;

function printActivation(a: Activation): void {
  console.log(`激活码 Activation code for ${a.username}: ${a.code}`);
  console.log(`有效期至 valid until: ${a.expiresAt ?? '-'} (UTC)`);
  console.log('请交给账户持有人本人，在登录页“首次登录 / 激活账户”设定密码；激活码只显示这一次。');
  console.log('Hand it to the holder, who sets the password on the login page (first login / activate).');
}

async function add(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'password-prompt': { type: 'boolean' },
    },
  });
  const role = values.role ? ADMIN_ROLE_CLI[values.role] : undefined;
  if (!role || !values.username) {
    console.error('需要 --role system-admin|security-admin|auditor 与 --username。Need --role and --username.');
    return 2;
  }
  const password = values['password-stdin']
    ? readFileSync(0, 'utf8').replace(/\r?\n$/, '')
    : values['password-prompt']
      ? await readSecret('持有人设定密码 Holder’s password: ', true)
      : null;
  const { ctx } = await bootstrap(config);
  try {
    const r = await cliCreateAdmin(ctx, {
      username: values.username,
      displayName: values['display-name'] ?? values.username,
      adminRole: role,
      password,
    });
    console.log(`已创建 created ${values.role} ${values.username} (${r.id})`);
    if (r.activation) printActivation(r.activation);
    return 0;
  } catch (e) {
    console.error(`失败 failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await ctx.handle.close();
  }
}

/** `banzi user <sub> …`; returns the exit code. */
export async function userCommand(sub: string | undefined, args: string[], config: Config): Promise<number> {
  if (sub === 'add') return add(args, config);
  if (sub === 'batch') return batchCommand(args, config);
  const username = args[0];
  if (!username || !['reset', 'unlock', 'enable', 'disable'].includes(sub ?? '')) {
    console.error(USER_USAGE);
    return 2;
  }
  const { ctx } = await bootstrap(config);
  try {
    if (sub === 'reset') printActivation(await cliReset(ctx, username));
    if (sub === 'unlock') {
      const n = await cliUnlock(ctx, username);
      console.log(`已解除 ${username} 在 ${n} 个地址的锁定。Unlocked ${username} (${n} addresses).`);
    }
    if (sub === 'enable' || sub === 'disable') {
      await cliSetStatus(ctx, username, sub === 'enable' ? 'active' : 'disabled');
      console.log(`${username}: ${sub === 'enable' ? '已启用 enabled' : '已停用 disabled'}`);
    }
    return 0;
  } catch (e) {
    console.error(`失败 failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await ctx.handle.close();
  }
}
