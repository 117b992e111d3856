/**
 * The world the authorization matrix and the fuzz run in: the test world of fixtures.ts, a session
 * for every account (and an anonymous visitor), helper accounts that only build fixtures (the
 * Khorgos office, the personnel office of 海关总署), and a raw sender that never adopts the cookies
 * a response sets (a login or logout in the matrix must not change who the next call is).
 */
import type { LightMyRequestResponse } from 'fastify';
import { hash } from '@node-rs/argon2';
import { loginAs, TEST_PASSWORD, type HttpClient, type TestEnv } from '../app.js';
import { seedWorld, type Username, type World } from '../fixtures.js';
import { nowIso } from '../../src/server/platform/clock.js';
import { uuidv7 } from '../../src/server/platform/random.js';
import { fillPath, queryString, type Method, type RouteKey } from '../route-schemas.js';

export const USERS: Username[] = [
  'sysadmin',
  'secadmin',
  'auditor',
  'rs',
  'jj',
  'altsec',
  'altm1',
  'altm2',
  'altm3',
  'altm4',
  'altoffice',
  'altrenshi',
  'altstaff',
  'khsec',
  'khm1',
  'ursec',
];
export type Who = Username | 'anon';
export type Scope = 'in' | 'out';

/** One request, before the path is filled in. `raw` sends a body that is not JSON-encoded. */
export interface Call {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  raw?: { payload: string; contentType: string };
  /** Send as this session instead of the caller's usual one (logout, password change) */
  session?: Session;
  /** A streaming response (server-sent events): read the status, then hang up */
  stream?: boolean;
}

/** What the matrix and the fuzz look at in a response. */
export interface Reply {
  statusCode: number;
  body: string;
}

export interface Session {
  cookies: Record<string, string>;
  csrf: string;
}

/** Helper accounts (not in the matrix): they only build fixtures. */
const HELPERS = [
  { username: 'fx-khoffice', person: 'khStaff', grants: [['office', 'khorgos']] },
  { username: 'fx-gacrs', person: null, grants: [['personnel', 'gac']] },
] as const;

export class AccessWorld {
  readonly sessions = new Map<Who, Session>();
  readonly clients = new Map<string, HttpClient>();
  private counter = 0;

  private constructor(
    readonly env: TestEnv,
    readonly world: World,
  ) {}

  static async create(env: TestEnv): Promise<AccessWorld> {
    const world = await seedWorld(env.ctx);
    const w = new AccessWorld(env, world);
    await w.addHelpers();
    for (const u of [...USERS, ...HELPERS.map((h) => h.username)]) {
      const c = await loginAs(env.app, u);
      w.clients.set(u, c);
      if ((USERS as string[]).includes(u)) w.sessions.set(u as Username, { cookies: c.cookies, csrf: c.csrf });
    }
    const first = await env.app.inject({ method: 'GET', url: '/api/auth/session' });
    const csrf = first.json<{ csrfToken: string }>().csrfToken;
    w.sessions.set('anon', { cookies: { banzi_csrf: csrf }, csrf });
    return w;
  }

  private async addHelpers(): Promise<void> {
    this.passwordHash = await hash(TEST_PASSWORD);
    for (const h of HELPERS) {
      const id = await this.user(h.username, h.person ? (this.world.people[h.person] ?? null) : null);
      for (const [role, unit] of h.grants) await this.grant(id, role, this.world.units[unit]);
      this.world.users[h.username] = id;
    }
  }

  private passwordHash = '';

  /** A business account (password TEST_PASSWORD), inserted directly; returns its id. */
  async user(username = `fx-user-${this.next()}`, personId: string | null = null): Promise<string> {
    const ctx = this.env.ctx;
    const now = nowIso(ctx.clock);
    const id = uuidv7(ctx.random);
    await ctx.db
      .insertInto('users')
      .values({
        id,
        username,
        display_name: username,
        password_hash: this.passwordHash,
        person_id: personId,
        admin_role: null,
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        must_change_password: 0,
        password_changed_at: now,
        last_login_at: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  /** A role grant, inserted directly; returns its id. */
  async grant(userId: string, role: string, unitId: string): Promise<string> {
    const id = uuidv7(this.env.ctx.random);
    await this.env.ctx.db
      .insertInto('role_grants')
      .values({
        id,
        user_id: userId,
        role,
        unit_id: unitId,
        granted_by: 'test',
        granted_at: nowIso(this.env.ctx.clock),
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
    return id;
  }

  /** Put an account's password back to TEST_PASSWORD and give it a new matrix session. */
  async restorePassword(username: Username): Promise<void> {
    await this.env.ctx.db
      .updateTable('users')
      .set({ password_hash: this.passwordHash, must_change_password: 0 })
      .where('username', '=', username)
      .execute();
    const c = await loginAs(this.env.app, username);
    this.clients.set(username, c);
    this.sessions.set(username, { cookies: c.cookies, csrf: c.csrf });
  }

  /** A logged-in client for building fixtures. */
  c(username: string): HttpClient {
    const c = this.clients.get(username);
    if (!c) throw new Error(`no client ${username}`);
    return c;
  }

  /** A fresh session of an account (for calls that end or change the session). */
  async freshSession(username: string): Promise<Session> {
    const c = await loginAs(this.env.app, username);
    return { cookies: c.cookies, csrf: c.csrf };
  }

  private readonly cache = new Map<string, Promise<unknown>>();

  /** A fixture built once per key (for routes that only read it). */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as Promise<T>;
  }

  /** A POST without a session (the double-submit CSRF cookie only), as a public voter. */
  anonymousPost(url: string, body: unknown): Promise<LightMyRequestResponse> {
    const anon = this.sessions.get('anon') as Session;
    return this.env.app.inject({
      method: 'POST',
      url,
      cookies: { ...anon.cookies },
      headers: { 'x-csrf-token': anon.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  }

  /** A unique suffix for names that must not repeat. */
  next(): number {
    return ++this.counter;
  }

  get units() {
    return this.world.units;
  }
  get people() {
    return this.world.people;
  }

  /** Unit of a scope: 阿勒泰海关 in scope, 霍尔果斯海关 out of scope. */
  unit(s: Scope): string {
    return s === 'in' ? this.world.units.altay : this.world.units.khorgos;
  }

  async send(route: RouteKey, who: Who, call: Call): Promise<Reply> {
    const [method, path] = route.split(' ') as [Method, string];
    const session = call.session ?? this.sessions.get(who);
    if (!session) throw new Error(`no session for ${who}`);
    const url = fillPath(path, call.params) + queryString(call.query);
    const hasBody = call.raw !== undefined || call.body !== undefined;
    const res = await this.env.app.inject({
      method,
      url,
      cookies: { ...session.cookies },
      headers: {
        'x-csrf-token': session.csrf,
        ...(hasBody ? { 'content-type': call.raw?.contentType ?? 'application/json' } : {}),
      },
      ...(call.raw
        ? { payload: call.raw.payload }
        : call.body !== undefined
          ? { payload: JSON.stringify(call.body) }
          : {}),
      ...(call.stream ? { payloadAsStream: true } : {}),
    });
    if (!call.stream) return { statusCode: res.statusCode, body: res.body };
    const stream = res.stream();
    if (res.statusCode === 200) {
      // An open event stream: hang up as a browser tab would, so the server stops listening.
      const raw = res.raw.res as unknown as { req: { emit(e: string): void }; destroy(): void };
      raw.req.emit('close');
      raw.destroy();
      stream.destroy();
      return { statusCode: 200, body: '' };
    }
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { statusCode: res.statusCode, body: Buffer.concat(chunks).toString() };
  }
}
