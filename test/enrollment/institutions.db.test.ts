/**
 * Institutions (Instansi) through the API and the real CLI: create with defaults, edit, deactivate
 * and reactivate, each with its audit event; every validation refusal changes nothing; who may
 * do what per role and institution.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { asc, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { auditEvents, institutions } from '../../src/db/schema.js';
import type { InstitutionView } from '../../src/enrollment/institutions.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { runCli } from '../helpers/cli.js';
import { openTestRuntime, testEnv } from '../helpers/test-runtime.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';

const PASSWORD = 'kuda liar berlari kencang';

describe('institutions', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let seq = 0;
  let clock = Date.now();
  const clients = new Map<string, ApiClient>();

  const newAccount = (roles: AccountRow['roles'], institutionId: string | null) =>
    createTestAccount(rt, {
      prefix: 'inst',
      n: ++seq,
      name: 'Akun Instansi',
      roles,
      institutionId,
      password: PASSWORD,
    });
  const signedIn = async (account: AccountRow) => {
    const client = new ApiClient(app, `10.31.${seq % 250}.${(seq * 7) % 250}`);
    await firstSignIn(client, account.username, PASSWORD, (secret) => currentTotp(secret, (clock += 30_000)));
    return client;
  };
  const snapshot = async () => ({
    rows: await rt.db.select().from(institutions).orderBy(asc(institutions.id)),
    events: (await rt.db.select().from(auditEvents).where(like(auditEvents.action, 'institution.%'))).length,
  });
  const ca = () => clients.get('ca')!;

  let kemenkeu: InstitutionView;
  let other: InstitutionView;

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0' }));
    app = (await buildApp(rt, { now: () => clock })).app;
    clients.set('ca', await signedIn(await newAccount(['ca_admin'], null)));
  });

  it('creates an institution with the policy defaults, a derived code and an audit event', async () => {
    const created = await ca().post<InstitutionView>('/api/v1/institutions', {
      name: '  Kementerian   Keuangan ',
      emailDomains: ['Kemenkeu.go.id', 'kemenkeu.go.id', '@djp.go.id'],
      province: 'DKI Jakarta',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    kemenkeu = created.body;
    assert.equal(kemenkeu.name, 'Kementerian Keuangan');
    assert.equal(kemenkeu.code, 'KK');
    assert.deepEqual(kemenkeu.emailDomains, ['kemenkeu.go.id', 'djp.go.id']);
    assert.equal(kemenkeu.province, 'DKI Jakarta');
    assert.equal(kemenkeu.active, true);
    assert.deepEqual(kemenkeu.policy, {
      selfRegistration: false,
      nipCheckRequired: true,
      fourEyes: false,
      keystoreSelfService: false,
      renewalReusesVerifiedData: true,
      nameWithoutTitles: true,
      nameMaxLength: 25,
      jabatanForbiddenCharacters: '.()',
      jabatanMaxLength: 20,
      unitUnabbreviated: true,
      unitMaxLength: 150,
    });
    const [row] = await rt.db.select().from(institutions).where(eq(institutions.id, kemenkeu.id));
    assert.equal(row?.code, 'KK');
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, `institution:${kemenkeu.id}`));
    assert.deepEqual(
      events.map((e) => e.action),
      ['institution.created'],
    );
    // The same initials again get the next free code; a given code is upper-cased and kept.
    const second = await ca().post<InstitutionView>('/api/v1/institutions', {
      name: 'Komisi Kejaksaan',
      emailDomains: ['komisi-kejaksaan.go.id'],
    });
    assert.equal(second.body.code, 'KK-2');
    assert.equal(second.body.province, null);
    const given = await ca().post<InstitutionView>('/api/v1/institutions', {
      name: 'Badan Siber dan Sandi Negara',
      code: 'bssn',
      emailDomains: ['bssn.go.id'],
      policy: { fourEyes: true, nameMaxLength: 40 },
    });
    assert.equal(given.status, 201, JSON.stringify(given.body));
    other = given.body;
    assert.equal(other.code, 'BSSN');
    assert.equal(other.policy.fourEyes, true);
    assert.equal(other.policy.nameMaxLength, 40);
    assert.equal(other.policy.jabatanMaxLength, 20);
  });

  it('refuses every invalid field with its name, and changes nothing', async () => {
    const before = await snapshot();
    const refusals: [unknown, string, number][] = [
      [{ name: 'Kementerian X', emailDomains: [] }, 'emailDomains', 400],
      [{ name: 'Kementerian X', emailDomains: ['not a domain'] }, 'emailDomains', 400],
      [{ name: 'Kementerian X', emailDomains: ['localhost'] }, 'emailDomains', 400],
      [{ name: 'Kementerian X', emailDomains: ['10.0.0.1'] }, 'emailDomains', 400],
      [{ name: 'Kementerian X', emailDomains: ['-bad.go.id'] }, 'emailDomains', 400],
      [{ name: 'Kementerian X', emailDomains: ['a..go.id'] }, 'emailDomains', 400],
      [{ name: 'KX', emailDomains: ['x.go.id'] }, 'name', 400],
      [{ name: '   ab   ', emailDomains: ['x.go.id'] }, 'name', 400],
      [{ name: 'Kementerian\u0007X', emailDomains: ['x.go.id'] }, 'name', 400],
      [{ name: 'Kementerian\u202eX', emailDomains: ['x.go.id'] }, 'name', 400],
      [{ name: 'x'.repeat(201), emailDomains: ['x.go.id'] }, 'name', 400],
      [{ name: 'Kementerian X', emailDomains: ['x.go.id'], code: 'bad code' }, 'code', 400],
      [{ name: 'Kementerian X', emailDomains: ['x.go.id'], code: 'BSSN' }, 'code', 409],
      [
        { name: 'Kementerian X', emailDomains: ['x.go.id'], policy: { nameMaxLength: 0 } },
        'nameMaxLength',
        400,
      ],
      [
        { name: 'Kementerian X', emailDomains: ['x.go.id'], policy: { unitMaxLength: 301 } },
        'unitMaxLength',
        400,
      ],
      [{ name: 'Kementerian X', emailDomains: ['x.go.id'], policy: { fourEyes: 'yes' } }, 'fourEyes', 400],
      [{ name: 'Kementerian X', emailDomains: ['x.go.id'], policy: { other: true } }, 'policy', 400],
      [{ name: 'Kementerian X', emailDomains: ['x.go.id'], province: 'a\u0000b' }, 'province', 400],
      [{ emailDomains: ['x.go.id'] }, 'name', 400],
    ];
    for (const [body, field, status] of refusals) {
      const answer = await ca().post('/api/v1/institutions', body);
      assert.equal(answer.status, status, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
      assert.match(JSON.stringify(answer.body), new RegExp(field), JSON.stringify(answer.body));
    }
    const patches: [unknown, string][] = [
      [{ emailDomains: [] }, 'emailDomains'],
      [{ emailDomains: ['ok.go.id', 'bad_domain.go.id'] }, 'emailDomains'],
      [{ name: 'ab' }, 'name'],
      [{ policy: { jabatanMaxLength: 1000 } }, 'jabatanMaxLength'],
      [{ policy: { jabatanForbiddenCharacters: 'a b' } }, 'jabatanForbiddenCharacters'],
      [{ code: 'NEW' }, 'code'],
    ];
    for (const [body, field] of patches) {
      const answer = await ca().patch(`/api/v1/institutions/${kemenkeu.id}`, body);
      assert.equal(answer.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
      assert.match(JSON.stringify(answer.body), new RegExp(field));
    }
    const missing = await ca().patch('/api/v1/institutions/00000000-0000-4000-8000-000000000000', {
      name: 'Tidak Ada',
    });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'ERR_INSTITUTION_NOT_FOUND');
    assert.deepEqual(await snapshot(), before);
  });

  it('edits name, domains, province and policy, recording what changed', async () => {
    const edited = await ca().patch<InstitutionView>(`/api/v1/institutions/${kemenkeu.id}`, {
      name: 'Kementerian Keuangan RI',
      emailDomains: ['KEMENKEU.go.id'],
      province: null,
      policy: { selfRegistration: true, unitMaxLength: 120 },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.name, 'Kementerian Keuangan RI');
    assert.equal(edited.body.code, 'KK', 'the code stays');
    assert.deepEqual(edited.body.emailDomains, ['kemenkeu.go.id']);
    assert.equal(edited.body.province, null);
    assert.equal(edited.body.policy.selfRegistration, true);
    assert.equal(edited.body.policy.unitMaxLength, 120);
    assert.equal(edited.body.policy.nipCheckRequired, true, 'fields not given stay');
    assert.ok(edited.body.updatedAt > kemenkeu.updatedAt);
    const read = await ca().get<InstitutionView>(`/api/v1/institutions/${kemenkeu.id}`);
    assert.deepEqual(read.body, edited.body);
    const [event] = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'institution.updated'));
    assert.deepEqual(Object.keys((event!.details as { changed: object }).changed).sort(), [
      'emailDomains',
      'name',
      'province',
      'selfRegistration',
      'unitMaxLength',
    ]);
    // An edit that changes nothing records nothing.
    const before = await snapshot();
    const same = await ca().patch(`/api/v1/institutions/${kemenkeu.id}`, { name: 'Kementerian Keuangan RI' });
    assert.equal(same.status, 200);
    assert.deepEqual(await snapshot(), before);
  });

  it('deactivates and reactivates, once each', async () => {
    const off = await ca().post<InstitutionView>(`/api/v1/institutions/${other.id}/deactivate`);
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(off.body.active, false);
    const again = await ca().post<InstitutionView>(`/api/v1/institutions/${other.id}/deactivate`);
    assert.equal(again.body.active, false);
    const inactive = await ca().get<{ total: number; institutions: InstitutionView[] }>(
      '/api/v1/institutions?active=false',
    );
    assert.deepEqual(
      inactive.body.institutions.map((i) => i.id),
      [other.id],
    );
    const on = await ca().post<InstitutionView>(`/api/v1/institutions/${other.id}/reactivate`);
    assert.equal(on.body.active, true);
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, `institution:${other.id}`));
    assert.deepEqual(
      events.map((e) => e.action),
      ['institution.created', 'institution.deactivated', 'institution.reactivated'],
    );
  });

  it('lists with search and pages', async () => {
    const all = await ca().get<{ total: number; institutions: InstitutionView[] }>('/api/v1/institutions');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 3);
    assert.deepEqual(
      all.body.institutions.map((i) => i.name),
      ['Badan Siber dan Sandi Negara', 'Kementerian Keuangan RI', 'Komisi Kejaksaan'],
    );
    const page = await ca().get<{ total: number; institutions: InstitutionView[] }>(
      '/api/v1/institutions?limit=1&offset=1',
    );
    assert.equal(page.body.total, 3);
    assert.deepEqual(
      page.body.institutions.map((i) => i.name),
      ['Kementerian Keuangan RI'],
    );
    const found = await ca().get<{ total: number; institutions: InstitutionView[] }>(
      '/api/v1/institutions?q=' + encodeURIComponent('sandi'),
    );
    assert.deepEqual(
      found.body.institutions.map((i) => i.code),
      ['BSSN'],
    );
    const percent = await ca().get<{ total: number }>('/api/v1/institutions?q=%25');
    assert.equal(percent.body.total, 0, '% matches itself');
  });

  it('lets institution admins read and list only their own, and others nothing', async () => {
    const admin = await signedIn(await newAccount(['institution_admin'], kemenkeu.id));
    const officer = await signedIn(await newAccount(['ra_officer'], kemenkeu.id));
    const subscriber = await signedIn(await newAccount(['subscriber'], kemenkeu.id));
    const list = await admin.get<{ total: number; institutions: InstitutionView[] }>('/api/v1/institutions');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.institutions.map((i) => i.id),
      [kemenkeu.id],
    );
    assert.equal(list.body.total, 1);
    assert.equal((await admin.get(`/api/v1/institutions/${kemenkeu.id}`)).status, 200);
    assert.equal((await admin.get(`/api/v1/institutions/${other.id}`)).status, 403);
    const before = await snapshot();
    for (const [who, client] of [
      ['institution_admin', admin],
      ['ra_officer', officer],
      ['subscriber', subscriber],
    ] as const) {
      const attempts = [
        await client.post('/api/v1/institutions', { name: 'Instansi Baru', emailDomains: ['baru.go.id'] }),
        await client.patch(`/api/v1/institutions/${kemenkeu.id}`, { name: 'Diubah Sendiri' }),
        await client.post(`/api/v1/institutions/${kemenkeu.id}/deactivate`),
        await client.post(`/api/v1/institutions/${other.id}/reactivate`),
      ];
      for (const answer of attempts) {
        assert.equal(answer.status, 403, `${who}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.code, 'ERR_AUTH_FORBIDDEN');
      }
      if (who !== 'institution_admin') {
        assert.equal((await client.get('/api/v1/institutions')).status, 403, who);
        assert.equal((await client.get(`/api/v1/institutions/${kemenkeu.id}`)).status, 403, who);
      }
    }
    assert.deepEqual(await snapshot(), before);
    const anonymous = await new ApiClient(app).get('/api/v1/institutions');
    assert.equal(anonymous.status, 401);
  });

  it('creates and lists through the real CLI', async () => {
    // An instance of its own: the CLI opens the database itself (an embedded one only once).
    const env = await testEnv({ TEKEN_QUIET: '1' });
    const created = await runCli(
      [
        'institution',
        'create',
        '--name',
        'Pemerintah Provinsi Jawa Barat',
        '--domain',
        'jabarprov.go.id,Jabar.go.id',
        '--province',
        'Jawa Barat',
      ],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const id = created.stdout.trim();
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const json = await runCli(
      ['institution', 'create', '--name', 'Kota Bandung', '--domain', 'bandung.go.id', '--json'],
      env,
    );
    assert.equal(json.code, 0, json.stderr);
    const object = JSON.parse(json.stdout) as InstitutionView;
    assert.equal(object.name, 'Kota Bandung');
    assert.equal(object.policy.nameMaxLength, 25);

    const bad = await runCli(['institution', 'create', '--name', 'Kota Salah', '--domain', 'salah'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /emailDomains/);
    const noDomain = await runCli(['institution', 'create', '--name', 'Kota Salah'], env);
    assert.equal(noDomain.code, 2);
    assert.match(noDomain.stderr, /Usage: teken institution create/);

    const table = await runCli(['institution', 'list'], env);
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trim().split('\n');
    assert.match(lines[0]!, /^ID\s+CODE\s+NAME\s+DOMAINS\s+PROVINCE\s+ACTIVE$/);
    assert.equal(lines.length, 1 + 2, 'the two created, not the refused');
    assert.ok(
      lines.some(
        (l) => l.includes(id) && l.includes('Jawa Barat') && l.includes('jabarprov.go.id,jabar.go.id'),
      ),
    );
    const listed = JSON.parse((await runCli(['institution', 'list', '--json'], env)).stdout) as {
      total: number;
      institutions: InstitutionView[];
    };
    assert.equal(listed.total, 2);
    const jabar = listed.institutions.find((i) => i.id === id);
    assert.deepEqual(jabar?.emailDomains, ['jabarprov.go.id', 'jabar.go.id']);
    assert.equal(jabar?.province, 'Jawa Barat');
    assert.equal(jabar?.code, 'PPJB');
    assert.ok(listed.institutions.some((i) => i.id === object.id));
    // Each create was recorded as the operator's.
    const cli = await openRuntime(loadConfig(env), { log: createLogger('silent') });
    try {
      const events = await cli.db.select().from(auditEvents).where(like(auditEvents.action, 'institution.%'));
      assert.deepEqual(
        events.map((e) => e.target).sort(),
        [`institution:${id}`, `institution:${object.id}`].sort(),
      );
      assert.ok(events.every((e) => e.actor.startsWith('cli')));
    } finally {
      await cli.close();
    }
  });
});
