import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { makeIdNumber, seedWorld, type World } from './fixtures.js';

const newCadre = (unitId: string, idNumber: string) => ({
  unitId,
  name: '阿依古丽·努尔兰',
  sex: 'F',
  birthMonth: '1985-04',
  ethnicity: '哈萨克族',
  nativePlace: '新疆塔城',
  birthplace: '新疆塔城',
  politicalStatus: 'cpc',
  partyJoinDate: '2008-06-01',
  workStartDate: '2007-07-15',
  health: '健康',
  expertise: '卫生检疫',
  educationFulltime: { qualification: '大学', degree: '学士', school: '新疆大学', major: '预防医学' },
  idNumber,
  resume: [
    { startMonth: '2003-09', endMonth: '2007-07', text: '新疆大学预防医学专业学习' },
    { startMonth: '2007-07', endMonth: null, text: '阿勒泰海关卫生检疫科科员' },
  ],
  family: [
    {
      relation: 'spouse',
      name: '叶尔江·别克',
      birthDate: '1983-02-02',
      politicalStatus: 'cpc',
      employerPost: '阿勒泰地区人民医院 医生',
    },
  ],
  rankCode: 'G-ZR3',
  rankStartDate: '2020-01-01',
  postTitle: '卫生检疫科副科长',
  postStartDate: '2022-03-01',
});

describeEachDialect('cadre records', (dialect) => {
  let env: TestEnv;
  let w: World;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  it('refuses a bad ID number naming the field, stores nothing, then accepts the fixed one', async () => {
    const rs = await loginAs(env.app, 'rs');
    const good = makeIdNumber('1985-04-12', 'F', 77);
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const before = await env.ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const r = await rs.post('/api/people', newCadre(w.units.altay, bad));
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'idNumber' } });
    expect(r.json().error.message).toContain('校验码');
    const after = await env.ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
    const ok = await rs.post('/api/people', newCadre(w.units.altay, good.toLowerCase()));
    expect(ok.statusCode).toBe(201);
    const id = ok.json<{ id: string }>().id;
    const rec = (await rs.get(`/api/people/${id}`)).json<{
      idNumberMasked: string;
      ranks: unknown[];
      posts: unknown[];
      family: unknown[];
      access: string;
    }>();
    expect(rec.access).toBe('full');
    expect(rec.idNumberMasked).toBe(`**************${good.slice(-4)}`);
    expect(rec.ranks).toHaveLength(1);
    expect(rec.family).toHaveLength(1);
    // Encrypted at rest, with a key id; the blind index finds the duplicate.
    const row = await env.ctx.db
      .selectFrom('people')
      .select(['id_number_enc', 'id_number_blind'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.id_number_enc).toMatch(/^sm4\.v2\.k1\./);
    expect(row.id_number_enc).not.toContain(good);
    const dup = await rs.post('/api/people', { ...newCadre(w.units.khorgos, good), name: '另一人' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('idNumber');
  });

  it('refuses a Party join date before 18 and a future work start date', async () => {
    const rs = await loginAs(env.app, 'rs');
    const id = makeIdNumber('1990-09-09', 'F', 55);
    const young = await rs.post('/api/people', {
      ...newCadre(w.units.altay, id),
      birthMonth: '1990-09',
      partyJoinDate: '2008-09-08',
    });
    expect(young.json()).toMatchObject({ error: { field: 'partyJoinDate' } });
    const future = await rs.post('/api/people', {
      ...newCadre(w.units.altay, id),
      birthMonth: '1990-09',
      partyJoinDate: '2012-01-01',
      workStartDate: '2026-06-09',
    });
    expect(future.json()).toMatchObject({ error: { field: 'workStartDate' } });
    const line = await rs.post('/api/people', {
      ...newCadre(w.units.altay, id),
      birthMonth: '1990-09',
      partyJoinDate: '2012-01-01',
      resume: [{ startMonth: '2010-01', endMonth: '2009-01', text: 'x' }],
    });
    expect(line.json()).toMatchObject({ error: { field: 'resume.0.endMonth' } });
  });

  it('shows colleagues names, posts and 分工 only; the person and the offices above see everything', async () => {
    const colleague = await loginAs(env.app, 'altm1');
    const basic = (await colleague.get(`/api/people/${w.people.altSec}`)).json<Record<string, unknown>>();
    expect(basic.access).toBe('basic');
    expect(basic).toMatchObject({ name: '朱少华', teamPost: '党组书记', divisionOfWork: '主持全面工作' });
    expect(basic).not.toHaveProperty('idNumberMasked');
    expect(basic).not.toHaveProperty('birthMonth');
    const self = (await (await loginAs(env.app, 'altsec')).get(`/api/people/${w.people.altSec}`)).json<
      Record<string, unknown>
    >();
    expect(self.access).toBe('full');
    expect(self.canRevealIdNumber).toBe(false);
    const jj = (await (await loginAs(env.app, 'jj')).get(`/api/people/${w.people.altSec}`)).json<
      Record<string, unknown>
    >();
    expect(jj).toMatchObject({ access: 'full', canEdit: false, canRevealIdNumber: true });
  });

  it("answers 404 for another unit's person, and to the admins 403", async () => {
    const alt = await loginAs(env.app, 'altm1');
    expect((await alt.get(`/api/people/${w.people.khSec}`)).statusCode).toBe(404);
    expect(
      (
        await alt.put(`/api/people/${w.people.khSec}`, {
          ...newCadre(w.units.khorgos, makeIdNumber('1970-07-07', 'M', 18)),
          name: '郭建国',
          sex: 'M',
          birthMonth: '1970-07',
        })
      ).statusCode,
    ).toBe(404);
    expect((await alt.post(`/api/people/${w.people.khSec}/id-number/reveal`)).statusCode).toBe(404);
    expect(
      (await alt.post(`/api/people/${w.people.khSec}/ranks`, { rankCode: 'G-DY1', startDate: '2026-06-01' }))
        .statusCode,
    ).toBe(404);
    expect((await alt.get('/api/people/no-such-person')).statusCode).toBe(404);
    const list = (await alt.get('/api/people?pageSize=500')).json<{ items: { unitName: string }[] }>();
    expect(new Set(list.items.map((i) => i.unitName))).toEqual(new Set(['阿勒泰海关']));
  });

  it('refuses edits by colleagues and the discipline office (403)', async () => {
    const body = {
      ...newCadre(w.units.altay, makeIdNumber('1974-03-15', 'M', 10)),
      name: '朱少华',
      sex: 'M',
      birthMonth: '1974-03',
      partyJoinDate: '1996-07-01',
    };
    for (const u of ['altm1', 'jj', 'altsec']) {
      const c = await loginAs(env.app, u);
      expect((await c.put(`/api/people/${w.people.altSec}`, body)).statusCode, u).toBe(403);
      expect(
        (await c.post(`/api/people/${w.people.altSec}/ranks`, { rankCode: 'G-DY1', startDate: '2026-06-01' }))
          .statusCode,
        u,
      ).toBe(403);
    }
    const m = await loginAs(env.app, 'altm1');
    expect((await m.post('/api/people', newCadre(w.units.altay, makeIdNumber('1985-04-12', 'F', 90)))).statusCode).toBe(
      403,
    );
    expect((await m.post(`/api/people/${w.people.altSec}/id-number/reveal`)).statusCode).toBe(403);
  });

  it('reveals the ID number only with authority, and audits every reveal', async () => {
    const jj = await loginAs(env.app, 'jj');
    const r = await jj.post(`/api/people/${w.people.altSec}/id-number/reveal`);
    expect(r.statusCode).toBe(200);
    expect(r.json<{ idNumber: string }>().idNumber).toBe(makeIdNumber('1974-03-15', 'M', 10));
    const audit = await env.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'people.id_number_revealed')
      .where('entity_id', '=', w.people.altSec)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(w.users.jj);
    expect(JSON.stringify(audit[0])).not.toContain(makeIdNumber('1974-03-15', 'M', 10));
  });

  it('keeps rank history: a new rank closes the open one the day before', async () => {
    const rs = await loginAs(env.app, 'rs');
    expect(
      (await rs.post(`/api/people/${w.people.altM1}/ranks`, { rankCode: 'L-DIV-CHIEF', startDate: '2026-06-01' }))
        .statusCode,
    ).toBe(200);
    const ranks = (await rs.get(`/api/people/${w.people.altM1}`)).json<{
      ranks: { rankCode: string; startDate: string; endDate: string | null }[];
    }>().ranks;
    expect(ranks).toEqual([
      expect.objectContaining({ rankCode: 'L-DIV-CHIEF', startDate: '2026-06-01', endDate: null }),
      expect.objectContaining({ rankCode: 'L-DIV-DEPUTY', startDate: '2020-01-01', endDate: '2026-05-31' }),
    ]);
    const early = await rs.post(`/api/people/${w.people.altM1}/ranks`, {
      rankCode: 'L-DIV-DEPUTY',
      startDate: '2026-05-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.field).toBe('startDate');
  });

  it('updates a record and audits the changed field names with keyed digests, never values', async () => {
    const rs = await loginAs(env.app, 'rs');
    const current = (await rs.get(`/api/people/${w.people.altM2}`)).json<Record<string, unknown>>();
    const body = {
      name: current.name,
      sex: current.sex,
      birthMonth: current.birthMonth,
      ethnicity: current.ethnicity,
      politicalStatus: current.politicalStatus,
      nativePlace: current.nativePlace,
      birthplace: current.birthplace,
      partyJoinDate: current.partyJoinDate,
      workStartDate: current.workStartDate,
      health: '良好',
      expertise: '边境口岸管理',
      educationFulltime: current.educationFulltime,
      resume: [],
      family: [],
    };
    expect((await rs.put(`/api/people/${w.people.altM2}`, body)).statusCode).toBe(200);
    const ev = await env.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'people.updated')
      .where('entity_id', '=', w.people.altM2)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.changed_fields)).toEqual(['expertise', 'health']);
    expect(ev.before_mac).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(ev)).not.toContain('边境口岸管理');
  });

  it('exports a roster .xlsx that opens, with the people in scope', async () => {
    const rs = await loginAs(env.app, 'rs');
    const r = await rs.get(`/api/people/export.xlsx?unitId=${w.units.altay}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('干部花名册');
    expect(ws?.getRow(2).getCell(2).value).toBe('姓名');
    const names = [];
    for (let i = 3; i <= (ws?.rowCount ?? 0); i++) names.push(ws?.getRow(i).getCell(2).text ?? '');
    expect(names).toContain('朱少华');
    expect(names).not.toContain('郭建国');
    const member = await loginAs(env.app, 'altm1');
    expect((await member.get(`/api/people/export.xlsx?unitId=${w.units.altay}`)).statusCode).toBe(403);
  });

  it('filters, sorts and pages the list in SQL', async () => {
    const rs = await loginAs(env.app, 'rs');
    const page = (await rs.get(`/api/people?teamOnly=1&sort=level&pageSize=2&page=1&unitId=${w.units.altay}`)).json<{
      items: { name: string; access: string }[];
      total: number;
    }>();
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
    expect(page.items.every((i) => i.access === 'full')).toBe(true);
    const f = (await rs.get(`/api/people?sex=F&unitId=${w.units.altay}`)).json<{ items: { name: string }[] }>();
    expect(f.items.map((i) => i.name)).toContain('再娜甫·吾斯曼');
    expect((await rs.get('/api/people?level=nonsense')).statusCode).toBe(400);
    const remit = (await rs.get(`/api/people?unitId=${w.units.urumqi}&includeChildren=1&pageSize=500`)).json<{
      items: { unitName: string }[];
    }>();
    expect(new Set(remit.items.map((i) => i.unitName))).toEqual(
      new Set(['乌鲁木齐海关', '阿勒泰海关', '霍尔果斯海关']),
    );
    expect((await env.app.inject({ method: 'GET', url: '/api/people' })).statusCode).toBe(401);
  });
});
