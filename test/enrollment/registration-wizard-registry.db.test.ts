/**
 * The wizard with a personnel registry configured (a fake BKN gateway speaking docs/registries.md):
 * "Cek NIP / NRP" fills Unit Organisasi, Jabatan and Provinsi and marks the NIP verified by `bkn`;
 * an unknown NIP is refused; an unreachable registry is reported without a 5xx; submit under
 * `nipCheckRequired` asks the registry for a NIP not yet confirmed.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import sharp from 'sharp';
import { institutions, registrations } from '../../src/db/schema.js';
import { consentDocuments, missingConsents } from '../../src/enrollment/consents.js';
import { buildApp } from '../../src/http/build-app.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { startTestRegistration } from '../helpers/registration.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const institutionId = '00000000-0000-4000-8000-00000000b4a1';

describe('the wizard with a personnel registry', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let server: http.Server;
  let down = false;
  const known = new Map<string, ReturnType<typeof syntheticPerson>>();
  let lookups = 0;

  const call = async (
    token: string,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    type?: string,
  ) => {
    const response = await app.inject({
      method,
      url,
      remoteAddress: '10.78.0.1',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': type ?? 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
    });
    return {
      status: response.statusCode,
      body: (response.body ? JSON.parse(response.body) : {}) as Record<string, unknown> & {
        code?: string;
        details?: { field?: string; rule?: string };
      },
    };
  };

  before(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        lookups++;
        if (down) return void res.writeHead(502).end();
        const { nip } = JSON.parse(data) as { nip: string };
        const person = known.get(nip);
        if (!person) return void res.writeHead(404).end();
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            nip,
            birthDate: person.birthDate,
            gender: person.gender,
            unitOrganisasi: 'Direktorat Jenderal Perbendaharaan',
            jabatan: 'Pranata Komputer',
            province: 'Jawa Barat',
            active: true,
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    ({ rt } = await openTestRuntime({
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_PERSONNEL_REGISTRY_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      TEKEN_PERSONNEL_REGISTRY_TIMEOUT_MS: '1000',
    }));
    app = (await buildApp(rt)).app;
    await rt.db.insert(institutions).values({
      id: institutionId,
      code: 'BKNUJI',
      name: 'Kementerian Registri',
      emailDomains: ['contoh.go.id'],
      nipCheckRequired: true,
    });
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const fill = async (token: string, person: ReturnType<typeof syntheticPerson>) => {
    const diri = await call(token, 'PUT', '/api/v1/registration/data-diri', {
      fullName: 'Budi Santoso',
      nik: person.nik,
      phone: person.phone,
    });
    assert.equal(diri.status, 200, JSON.stringify(diri.body));
  };

  it('fills Data Kedinasan from the registry and submits a confirmed NIP', async () => {
    const person = syntheticPerson('male');
    known.set(person.nip, person);
    const { token, accountId } = await startTestRegistration(rt, institutionId);
    assert.equal((await call(token, 'GET', '/api/v1/registration')).body.registryEnabled, true);
    await fill(token, person);
    const checked = await call(token, 'POST', '/api/v1/registration/check-nip', { nip: person.nip });
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    assert.equal(checked.body.verifiedBy, 'bkn');
    assert.equal(checked.body.unitOrganisasi, 'Direktorat Jenderal Perbendaharaan');
    assert.equal(checked.body.province, 'JAWA BARAT');
    const ked = await call(token, 'PUT', '/api/v1/registration/data-kedinasan', {
      employeeType: 'asn',
      nip: person.nip,
      unitOrganisasi: checked.body.unitOrganisasi,
      jabatan: checked.body.jabatan,
      province: checked.body.province,
    });
    assert.equal(ked.status, 200, JSON.stringify(ked.body));
    assert.equal((ked.body.dataKedinasan as { nipVerifiedBy: string }).nipVerifiedBy, 'bkn');
    const selfie = await sharp({ create: { width: 120, height: 120, channels: 3, background: '#aa8866' } })
      .jpeg()
      .toBuffer();
    assert.equal(
      (await call(token, 'PUT', '/api/v1/registration/photo/selfie', selfie, 'image/jpeg')).status,
      200,
    );
    const accepted = consentDocuments().map((d) => ({ document: d.document, version: d.version }));
    assert.equal((await call(token, 'PUT', '/api/v1/registration/consents', { accepted })).status, 200);
    const before = lookups;
    const submitted = await call(token, 'POST', '/api/v1/registration/submit');
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(lookups, before, 'an already confirmed NIP is not looked up again');
    const [row] = await rt.db.select().from(registrations).where(eq(registrations.accountId, accountId));
    assert.equal(row!.nipVerifiedBy, 'bkn');
  });

  it('refuses an unknown NIP, and reports an unreachable registry without a 5xx', async () => {
    const person = syntheticPerson('female');
    const { token } = await startTestRegistration(rt, institutionId);
    await fill(token, person);
    const unknown = await call(token, 'POST', '/api/v1/registration/check-nip', { nip: person.nip });
    assert.equal(unknown.status, 400, JSON.stringify(unknown.body));
    assert.equal(unknown.body.code, 'ERR_NIP_NOT_FOUND');
    assert.equal(unknown.body.details?.field, 'nip');
    down = true;
    try {
      const unreachable = await call(token, 'POST', '/api/v1/registration/check-nip', { nip: person.nip });
      assert.equal(unreachable.status, 200, JSON.stringify(unreachable.body));
      assert.equal(unreachable.body.verifiedBy, null);
      assert.match(String(unreachable.body.message), /could not be reached/);
    } finally {
      down = false;
    }
  });

  it('a consent to an older version does not count', () => {
    const current = consentDocuments();
    const records = current.map((d) => ({
      document: d.document,
      version: d.version,
      acceptedAt: new Date().toISOString(),
    }));
    assert.deepEqual(missingConsents(records), []);
    records[1] = { ...records[1]!, version: '2000-01-01' };
    assert.deepEqual(missingConsents(records), [current[1]!.document]);
  });
});
