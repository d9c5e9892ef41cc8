/**
 * The registration wizard through its HTTP API, from the activation link to submit, with synthetic
 * identities only: progress kept across calls, each kind of invalid NIK and NIP refused naming the
 * field and the rule, the institution's rules, duplicates, the selfie re-encoded without EXIF,
 * non-images and oversized ones refused, consents by version, voided/expired/used links refused.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import sharp from 'sharp';
import { auditEvents, institutions, profileHistory, registrations } from '../../src/db/schema.js';
import { consentDocuments } from '../../src/enrollment/consents.js';
import { openPersonal } from '../../src/enrollment/personal-data.js';
import { buildApp } from '../../src/http/build-app.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { startTestRegistration } from '../helpers/registration.js';
import {
  invalidNik,
  invalidNip,
  invalidNipRule,
  syntheticPerson,
  syntheticPhone,
  type InvalidNikKind,
  type InvalidNipKind,
} from '../helpers/synthetic-identity.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const institutionId = '00000000-0000-4000-8000-00000000c0de';

interface Answer {
  status: number;
  body: Record<string, unknown> & {
    code?: string;
    details?: { field?: string; rule?: string; registrationStatus?: string };
  };
  headers: Record<string, unknown>;
  raw: Buffer;
}

describe('the registration wizard', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let ip = 0;

  const call = async (
    token: string,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Answer> => {
    const response = await app.inject({
      method,
      url,
      remoteAddress: `10.77.${++ip % 250}.9`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(body !== undefined ? { payload: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
    });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      body: type.includes('json') && response.body ? (JSON.parse(response.body) as Answer['body']) : {},
      headers: response.headers,
      raw: response.rawPayload,
    };
  };

  const jpegWithGps = () =>
    sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 180, g: 120, b: 90 } } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'KameraPalsu', Model: 'UjiGPS' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '6/1 10/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '106/1 49/1 0/1',
        },
      })
      .toBuffer();

  const allConsents = () => ({
    accepted: consentDocuments().map((d) => ({ document: d.document, version: d.version })),
  });

  const expectRefused = (answer: Answer, status: number, code: string, field?: string, rule?: string) => {
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    assert.equal(answer.body.code, code, JSON.stringify(answer.body));
    if (field) assert.equal(answer.body.details?.field, field, JSON.stringify(answer.body));
    if (rule) assert.equal(answer.body.details?.rule, rule, JSON.stringify(answer.body));
  };

  before(async () => {
    ({ rt } = await openTestRuntime({
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_PHOTO_MAX_BYTES: '300000',
      TEKEN_PHOTO_MAX_PIXELS: '4000000',
    }));
    app = (await buildApp(rt)).app;
    await rt.db.insert(institutions).values({
      id: institutionId,
      code: 'WIZ',
      name: 'Kementerian Uji Coba',
      emailDomains: ['contoh.go.id'],
    });
  });

  it('walks from the activation link to submit, keeping progress across calls', async () => {
    const person = syntheticPerson('female');
    const { token, accountId, email } = await startTestRegistration(rt, institutionId);

    const first = await call(token, 'GET', '/api/v1/registration');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.status, 'in_progress');
    assert.equal(first.body.email, email);
    assert.equal(first.body.registryEnabled, false);
    // No WhatsApp here: the RA officer verifies the number, and the wizard is told so.
    assert.equal(
      (first.body.dataDiri as { phoneVerificationRequired: boolean }).phoneVerificationRequired,
      false,
    );
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal((first.body.consentDocuments as unknown[]).length, 3);

    const diri = await call(token, 'PUT', '/api/v1/registration/data-diri', {
      fullName: 'Siti Rahayu',
      nik: person.nik,
      gelarDepan: 'Dr.',
      gelarBelakang: 'S.Kom., M.T.',
      phone: person.phone,
    });
    assert.equal(diri.status, 200, JSON.stringify(diri.body));
    assert.equal(diri.body.step, 2);

    const nipCheck = await call(token, 'POST', '/api/v1/registration/check-nip', { nip: person.nip });
    assert.equal(nipCheck.status, 200, JSON.stringify(nipCheck.body));
    assert.equal(nipCheck.body.verifiedBy, null);
    assert.match(String(nipCheck.body.message), /format and against your NIK only/);

    const kedinasan = await call(token, 'PUT', '/api/v1/registration/data-kedinasan', {
      employeeType: 'asn',
      nip: person.nip,
      unitOrganisasi: 'Sekretariat Jenderal',
      jabatan: 'Analis Kebijakan',
      province: 'Jawa Timur',
    });
    assert.equal(kedinasan.status, 200, JSON.stringify(kedinasan.body));

    const selfie = await call(
      token,
      'PUT',
      '/api/v1/registration/photo/selfie',
      await jpegWithGps(),
      'image/jpeg',
    );
    assert.equal(selfie.status, 200, JSON.stringify(selfie.body));
    assert.deepEqual(selfie.body, { ok: true, width: 320, height: 240 });

    // Progress is kept: a later visit sees everything back.
    const again = await call(token, 'GET', '/api/v1/registration');
    const diriBack = again.body.dataDiri as Record<string, unknown>;
    const kedBack = again.body.dataKedinasan as Record<string, unknown>;
    assert.equal(diriBack.nik, person.nik);
    assert.equal(diriBack.fullName, 'Siti Rahayu');
    assert.equal(diriBack.gelarBelakang, 'S.Kom., M.T.');
    assert.equal(diriBack.phone, `+62${person.phone.slice(1)}`);
    assert.equal(kedBack.nip, person.nip);
    assert.equal(kedBack.province, 'JAWA TIMUR');
    assert.deepEqual(again.body.photo, { selfie: true, ktp: false });
    assert.equal(again.body.step, 3);

    // The stored selfie is sealed, and neither the stored bytes nor the preview carry EXIF.
    const [row] = await rt.db.select().from(registrations).where(eq(registrations.accountId, accountId));
    const stored = openPersonal(rt.masterKey, 'registrations.selfie', accountId, row!.selfieSealed!);
    assert.ok(!Buffer.from(row!.selfieSealed!).includes(Buffer.from([0xff, 0xd8, 0xff])), 'sealed at rest');
    assert.equal((await sharp(stored).metadata()).exif, undefined);
    for (const marker of ['Exif', 'KameraPalsu', 'UjiGPS'])
      assert.ok(!stored.includes(Buffer.from(marker)), marker);
    const preview = await call(token, 'GET', '/api/v1/registration/photo/selfie');
    assert.equal(preview.status, 200);
    assert.equal(preview.headers['content-type'], 'image/jpeg');
    assert.equal(preview.headers['cache-control'], 'no-store');
    assert.ok(preview.raw.equals(stored));

    // Submit needs the consents.
    expectRefused(
      await call(token, 'POST', '/api/v1/registration/submit'),
      409,
      'ERR_REGISTRATION_INCOMPLETE',
      'consents',
    );
    const consents = await call(token, 'PUT', '/api/v1/registration/consents', allConsents());
    assert.equal(consents.status, 200, JSON.stringify(consents.body));
    assert.equal((consents.body.consents as unknown[]).length, 3);

    // Where WhatsApp is configured, the number must be verified by code first (phone-verification
    // test); without it the RA officer verifies it.
    const config = rt.config.notify as { whatsapp: unknown };
    const before = config.whatsapp;
    config.whatsapp = { apiUrl: 'http://127.0.0.1:9', version: 'v21.0', phoneNumberId: '1', token: 't' };
    try {
      // The wizard hears the rule Submit applies, and gates Next on it.
      const view = await call(token, 'GET', '/api/v1/registration');
      assert.deepEqual(
        [view.body.dataDiri as { phoneVerificationRequired: boolean; phoneVerified: boolean }].map((d) => [
          d.phoneVerificationRequired,
          d.phoneVerified,
        ]),
        [[true, false]],
      );
      expectRefused(
        await call(token, 'POST', '/api/v1/registration/submit'),
        409,
        'ERR_REGISTRATION_INCOMPLETE',
        'phoneVerification',
      );
      await rt.db
        .update(registrations)
        .set({ phoneVerifiedAt: new Date(), phoneVerifiedBy: 'whatsapp' })
        .where(eq(registrations.accountId, accountId));
    } finally {
      config.whatsapp = before;
    }

    const submitted = await call(token, 'POST', '/api/v1/registration/submit');
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.deepEqual(submitted.body, { status: 'submitted' });
    const [after] = await rt.db.select().from(registrations).where(eq(registrations.accountId, accountId));
    assert.equal(after!.status, 'submitted');
    assert.ok(after!.submittedAt);
    const history = await rt.db.select().from(profileHistory).where(eq(profileHistory.accountId, accountId));
    assert.ok(history.some((h) => h.field === 'nik'));
    const nikRow = history.find((h) => h.field === 'nik')!;
    assert.ok(!Buffer.from(nikRow.sealedValues).includes(Buffer.from(person.nik)), 'history values sealed');
    const opened = JSON.parse(
      openPersonal(rt.masterKey, 'profile_history.values', accountId, nikRow.sealedValues).toString('utf8'),
    ) as { new: string };
    assert.equal(opened.new, person.nik);
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'registration.submitted'), eq(auditEvents.target, `account:${accountId}`)),
      );
    assert.equal(events.length, 1);
    assert.ok(
      !JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).includes(
        person.nik,
      ),
    );

    // The link is closed, and says the registration waits for the RA; once decided, how.
    const closed = await call(token, 'GET', '/api/v1/registration');
    expectRefused(closed, 410, 'ERR_LINK_USED');
    assert.equal(closed.body.details?.registrationStatus, 'submitted');
    await rt.db
      .update(registrations)
      .set({ status: 'rejected' })
      .where(eq(registrations.accountId, accountId));
    const decided = await call(token, 'GET', '/api/v1/registration');
    expectRefused(decided, 410, 'ERR_LINK_USED');
    assert.equal(decided.body.details?.registrationStatus, 'rejected');
    assert.match(String(decided.body.detail), /rejected/);
  });

  it('refuses each kind of invalid NIK, naming the field and the rule', async () => {
    const { token } = await startTestRegistration(rt, institutionId);
    const kinds: InvalidNikKind[] = [
      'format',
      'province',
      'regency',
      'district',
      'birth_date',
      'future',
      'age',
      'sequence',
    ];
    for (const gender of ['male', 'female'] as const)
      for (const kind of kinds) {
        const nik = invalidNik(kind, gender);
        const answer = await call(token, 'PUT', '/api/v1/registration/data-diri', {
          fullName: 'Budi Santoso',
          nik,
          phone: syntheticPhone(),
        });
        expectRefused(answer, 400, 'ERR_INPUT_INVALID', 'nik', kind);
        assert.ok(!JSON.stringify(answer.body).includes(nik), 'the NIK is not repeated in the error');
      }
  });

  it('refuses each kind of invalid NIP, and a NIP that is not the NIK’s person', async () => {
    const person = syntheticPerson('male');
    const { token } = await startTestRegistration(rt, institutionId);
    const saved = await call(token, 'PUT', '/api/v1/registration/data-diri', {
      fullName: 'Budi Santoso',
      nik: person.nik,
      phone: person.phone,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const kinds = Object.keys(invalidNipRule) as InvalidNipKind[];
    for (const kind of kinds) {
      const nip = invalidNip(kind, person);
      for (const [method, url, body] of [
        ['POST', '/api/v1/registration/check-nip', { nip }],
        [
          'PUT',
          '/api/v1/registration/data-kedinasan',
          {
            employeeType: 'asn',
            nip,
            unitOrganisasi: 'Sekretariat Jenderal',
            jabatan: 'Analis',
            province: 'BALI',
          },
        ],
      ] as const) {
        const answer = await call(token, method, url, body);
        expectRefused(answer, 400, 'ERR_INPUT_INVALID', 'nip', invalidNipRule[kind]);
        assert.ok(!JSON.stringify(answer.body).includes(nip), `${kind}: the NIP is not repeated`);
      }
    }
    // ASN needs a NIP; "Lainnya" does not.
    expectRefused(
      await call(token, 'PUT', '/api/v1/registration/data-kedinasan', {
        employeeType: 'asn',
        unitOrganisasi: 'Sekretariat Jenderal',
        jabatan: 'Analis',
        province: 'BALI',
      }),
      400,
      'ERR_INPUT_INVALID',
      'nip',
      'required',
    );
    const other = await call(token, 'PUT', '/api/v1/registration/data-kedinasan', {
      employeeType: 'other',
      unitOrganisasi: 'Universitas Uji Coba',
      jabatan: 'Tendik',
      province: 'JAWA TIMUR',
    });
    assert.equal(other.status, 200, JSON.stringify(other.body));
  });

  it("applies the institution's rules to the name, the Jabatan and the Unit Organisasi", async () => {
    const person = syntheticPerson('male');
    const { token } = await startTestRegistration(rt, institutionId);
    const diri = (fullName: string) =>
      call(token, 'PUT', '/api/v1/registration/data-diri', {
        fullName,
        nik: person.nik,
        phone: person.phone,
      });
    expectRefused(await diri('Dr. Budi Santoso'), 400, 'ERR_INPUT_INVALID', 'fullName', 'titles');
    expectRefused(await diri('Budi Santoso S.Kom'), 400, 'ERR_INPUT_INVALID', 'fullName', 'titles');
    expectRefused(await diri('Budi Santoso, M.T.'), 400, 'ERR_INPUT_INVALID', 'fullName', 'titles');
    expectRefused(
      await diri('Budi Santoso Wicaksono Adiputro'),
      400,
      'ERR_INPUT_INVALID',
      'fullName',
      'max_length',
    );
    expectRefused(await diri('Budi Santoso 2'), 400, 'ERR_INPUT_INVALID', 'fullName', 'characters');
    assert.equal((await diri('Budi Santoso')).status, 200);
    const kedinasan = (unitOrganisasi: string, jabatan: string, province = 'JAWA TIMUR') =>
      call(token, 'PUT', '/api/v1/registration/data-kedinasan', {
        employeeType: 'asn',
        nip: person.nip,
        unitOrganisasi,
        jabatan,
        province,
      });
    expectRefused(
      await kedinasan('Sekretariat Jenderal', 'Kasubag. (Umum)'),
      400,
      'ERR_INPUT_INVALID',
      'jabatan',
      'forbidden_characters',
    );
    expectRefused(
      await kedinasan('Sekretariat Jenderal', 'Analis Kebijakan Ahli Madya'),
      400,
      'ERR_INPUT_INVALID',
      'jabatan',
      'max_length',
    );
    expectRefused(
      await kedinasan('Setjen', 'Analis'),
      400,
      'ERR_INPUT_INVALID',
      'unitOrganisasi',
      'abbreviated',
    );
    expectRefused(
      await kedinasan('Biro SDM', 'Analis'),
      400,
      'ERR_INPUT_INVALID',
      'unitOrganisasi',
      'abbreviated',
    );
    expectRefused(
      await kedinasan('DJPPR', 'Analis'),
      400,
      'ERR_INPUT_INVALID',
      'unitOrganisasi',
      'abbreviated',
    );
    expectRefused(
      await kedinasan('Sekretariat Jenderal', 'Analis', 'Atlantis'),
      400,
      'ERR_INPUT_INVALID',
      'province',
      'province',
    );
    assert.equal((await kedinasan('SEKRETARIAT JENDERAL', 'Analis')).status, 200);
    assert.equal((await kedinasan('Dirjen Pengelolaan dan Pembiayaan Risiko', 'Analis')).status, 200);
    // A looser policy lets the same input through.
    await rt.db
      .update(institutions)
      .set({ nameWithoutTitles: false, unitUnabbreviated: false, jabatanForbiddenCharacters: '' })
      .where(eq(institutions.id, institutionId));
    try {
      assert.equal((await diri('Dr. Budi Santoso')).status, 200);
      assert.equal((await kedinasan('Setjen', 'Kasubag. (Umum)')).status, 200);
    } finally {
      await rt.db
        .update(institutions)
        .set({ nameWithoutTitles: true, unitUnabbreviated: true, jabatanForbiddenCharacters: '.()' })
        .where(eq(institutions.id, institutionId));
    }
  });

  it('refuses a NIK or phone number that someone else registered (409 naming the field)', async () => {
    const person = syntheticPerson('female');
    const a = await startTestRegistration(rt, institutionId);
    const b = await startTestRegistration(rt, institutionId);
    const ok = await call(a.token, 'PUT', '/api/v1/registration/data-diri', {
      fullName: 'Siti Rahayu',
      nik: person.nik,
      phone: person.phone,
    });
    assert.equal(ok.status, 200);
    const sameNik = await call(b.token, 'PUT', '/api/v1/registration/data-diri', {
      fullName: 'Dewi Lestari',
      nik: person.nik,
      phone: syntheticPhone(),
    });
    expectRefused(sameNik, 409, 'ERR_REGISTRATION_DUPLICATE', 'nik');
    assert.ok(!JSON.stringify(sameNik.body).includes(person.nik));
    const samePhone = await call(b.token, 'PUT', '/api/v1/registration/data-diri', {
      fullName: 'Dewi Lestari',
      nik: syntheticPerson('female').nik,
      phone: person.phone,
    });
    expectRefused(samePhone, 409, 'ERR_REGISTRATION_DUPLICATE', 'phone');
    // The same person saving again is no duplicate.
    const again = await call(a.token, 'PUT', '/api/v1/registration/data-diri', {
      fullName: 'Siti Rahayu',
      nik: person.nik,
      phone: person.phone,
    });
    assert.equal(again.status, 200);
  });

  it('refuses non-images, disguised images, oversized and huge-dimension ones', async () => {
    const { token } = await startTestRegistration(rt, institutionId);
    const put = (body: Buffer, type: string, kind = 'selfie') =>
      call(token, 'PUT', `/api/v1/registration/photo/${kind}`, body, type);
    expectRefused(
      await put(Buffer.from('bukan gambar sama sekali'), 'image/jpeg'),
      415,
      'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE',
      'selfie',
    );
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expectRefused(await put(gif, 'image/png'), 415, 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE');
    expectRefused(
      await call(token, 'PUT', '/api/v1/registration/photo/selfie', Buffer.from('x'), 'text/html'),
      415,
      'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE',
    );
    const truncated = (await jpegWithGps()).subarray(0, 400);
    expectRefused(await put(truncated, 'image/jpeg'), 400, 'ERR_INPUT_INVALID', 'selfie', 'decode');
    // Over TEKEN_PHOTO_MAX_BYTES (300000 here): random pixels do not compress.
    const noisy = await sharp(crypto.randomBytes(400 * 400 * 3), {
      raw: { width: 400, height: 400, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    assert.ok(noisy.length > 300_000);
    expectRefused(await put(noisy, 'image/png'), 413, 'ERR_INPUT_TOO_LARGE');
    // A decompression bomb: a tiny PNG that claims 3000 × 3000 pixels, over TEKEN_PHOTO_MAX_PIXELS (4000000 here).
    const bomb = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#000000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    assert.ok(bomb.length < 300_000, `bomb is ${bomb.length} bytes`);
    expectRefused(await put(bomb, 'image/png'), 400, 'ERR_INPUT_INVALID', 'selfie');
    // A PNG KTP scan is taken and stays PNG.
    const png = await sharp({ create: { width: 200, height: 120, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const ktp = await put(png, 'image/png', 'ktp');
    assert.equal(ktp.status, 200, JSON.stringify(ktp.body));
    const back = await call(token, 'GET', '/api/v1/registration/photo/ktp');
    assert.equal(back.headers['content-type'], 'image/png');
    expectRefused(
      await call(token, 'GET', '/api/v1/registration/photo/selfie'),
      404,
      'ERR_RESOURCE_NOT_FOUND',
    );
  });

  it('records consents by version and refuses an old version', async () => {
    const { token } = await startTestRegistration(rt, institutionId);
    const old = await call(token, 'PUT', '/api/v1/registration/consents', {
      accepted: [{ document: 'privacy_policy', version: '2000-01-01' }],
    });
    expectRefused(old, 409, 'ERR_CONSENT_OUTDATED');
    const docs = await app.inject({ method: 'GET', url: '/api/v1/consents?locale=en' });
    const list = JSON.parse(docs.body) as {
      documents: { document: string; version: string; title: string; text: string }[];
    };
    assert.equal(list.documents.length, 3);
    assert.ok(list.documents.every((d) => d.text.includes('Template')));
    const one = await call(token, 'PUT', '/api/v1/registration/consents', {
      accepted: [{ document: 'privacy_policy', version: list.documents[0]!.version }],
    });
    assert.equal(one.status, 200);
    const records = one.body.consents as { document: string; acceptedAt: string }[];
    assert.equal(records.length, 1);
    assert.ok(Date.parse(records[0]!.acceptedAt) > Date.now() - 60_000);
  });

  it('refuses a voided, an expired and an unknown link', async () => {
    const first = await startTestRegistration(rt, institutionId, { email: 'ulang.kirim@contoh.go.id' });
    const second = await startTestRegistration(rt, institutionId, { email: 'ulang.kirim@contoh.go.id' });
    assert.equal(second.accountId, first.accountId);
    expectRefused(await call(first.token, 'GET', '/api/v1/registration'), 410, 'ERR_LINK_EXPIRED');
    assert.equal((await call(second.token, 'GET', '/api/v1/registration')).status, 200);
    const expired = await startTestRegistration(rt, institutionId, { lifetimeMs: 1 });
    await new Promise((r) => setTimeout(r, 5));
    expectRefused(await call(expired.token, 'GET', '/api/v1/registration'), 410, 'ERR_LINK_EXPIRED');
    expectRefused(await call('A'.repeat(43), 'GET', '/api/v1/registration'), 404, 'ERR_LINK_INVALID');
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/registration' });
    assert.equal(anonymous.statusCode, 401);
  });
});
