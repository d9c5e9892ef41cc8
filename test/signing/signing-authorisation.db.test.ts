/**
 * Signing authorisations over the real storage: one passphrase entry yields a token that opens the
 * key for at most N documents within minutes; parallel uses never take more than N; an expired or
 * spent one takes nothing; a wrong token is a guess counted by the guard (and a few end it); a
 * database dump with the master key holds nothing that opens the key without the token.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { subscriberCertificateById } from '../../src/certificates/unlock-subscriber-key.js';
import { accounts, auditEvents, registrations, signingAuthorisations } from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { SIGNING_AUTHORISATION_GUESSES } from '../../src/identity/lockout-policy.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import {
  createSigningAuthorisation,
  endSigningAuthorisation,
  purgeExpiredSigningAuthorisations,
  useSigningAuthorisation,
} from '../../src/signing/signing-authorisation.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { caFixture } from '../helpers/ca-fixture.js';

const PASSPHRASE = 'Rahasia#2026';

describe('signing authorisations', () => {
  let rt: Runtime;
  let institutionId: string;
  let n = 0;

  before(async () => {
    ({ rt } = await caFixture({
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_SIGNING_AUTHORISATION_DOCUMENTS: '20',
    }));
    institutionId = (
      await createInstitution(
        rt.db,
        { operator: 'test' },
        {
          name: 'Dinas Uji Otorisasi',
          emailDomains: ['otorisasi.go.id'],
          province: 'Jawa Barat',
          policy: { fourEyes: false },
        },
      )
    ).id;
  });

  async function issued() {
    const ctx = certificatesContextOf(rt);
    const person = syntheticPerson();
    const { accountId } = await addSubscriber(enrollmentContextOf(rt), 'test', {
      institutionId,
      fullName: person.fullName,
      email: `penanda${++n}.${crypto.randomBytes(3).toString('hex')}@otorisasi.go.id`,
      nik: person.nik,
      nip: person.nip,
      phone: person.phone,
      verified: true,
    });
    await rt.db
      .update(registrations)
      .set({ jabatan: 'Analis', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    const [account] = await rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    const { id } = await requestCertificate(ctx, account!, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, id);
    const cert = await setPassphraseAsOperator(ctx, 'test', id, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    return { ctx, row: await subscriberCertificateById(ctx, cert.id), pem: cert.certificate.pem };
  }

  const signs = (key: crypto.KeyObject, pem: string) => {
    const data = crypto.randomBytes(64);
    const signature = crypto.sign('sha256', data, key);
    return crypto.verify('sha256', data, new crypto.X509Certificate(pem).publicKey, signature);
  };

  it('opens the key for at most N documents, and audits its creation without the token', async () => {
    const { ctx, row, pem } = await issued();
    const auth = await createSigningAuthorisation(ctx, row, PASSPHRASE, {
      documents: 3,
      actor: `account:${row.accountId}`,
    });
    assert.match(auth.token, /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const first = await useSigningAuthorisation(ctx, auth.token);
    assert.ok(signs(first.privateKey, pem), 'the key is the certificate’s');
    assert.equal(first.remaining, 2);
    assert.equal(first.certificate.id, row.id);
    const two = await useSigningAuthorisation(ctx, auth.token, { documents: 2 });
    assert.equal(two.remaining, 0);
    await assert.rejects(useSigningAuthorisation(ctx, auth.token), {
      code: 'ERR_SIGNING_AUTHORISATION_SPENT',
    });
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'signing_authorisation.created'));
    const mine = events.find((e) => JSON.stringify(e.details).includes(auth.id));
    assert.ok(mine);
    assert.ok(
      !JSON.stringify(events.map((e) => e.details)).includes(auth.token.split('.')[1]!),
      'no token in the audit log',
    );
  });

  it('counts a wrong passphrase as every path does, and refuses a count out of range', async () => {
    const { ctx, row } = await issued();
    await assert.rejects(
      createSigningAuthorisation(ctx, row, 'Salah#2026x', { documents: 2, actor: 'test' }),
      { code: 'ERR_PASSPHRASE_WRONG' },
    );
    for (const documents of [0, 21, 1.5, '3', null])
      await assert.rejects(createSigningAuthorisation(ctx, row, PASSPHRASE, { documents, actor: 'test' }), {
        code: 'ERR_INPUT_INVALID',
      });
    const left = await rt.db
      .select()
      .from(signingAuthorisations)
      .where(eq(signingAuthorisations.subscriberCertificateId, row.id));
    assert.equal(left.length, 0, 'nothing stored for refused attempts');
  });

  it('parallel uses never take more than the authorisation allows', async () => {
    const { ctx, row } = await issued();
    const auth = await createSigningAuthorisation(ctx, row, PASSPHRASE, { documents: 5, actor: 'test' });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => useSigningAuthorisation(ctx, auth.token)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    assert.equal(ok.length, 5);
    for (const r of results)
      if (r.status === 'rejected')
        assert.equal((r.reason as { code: string }).code, 'ERR_SIGNING_AUTHORISATION_SPENT');
  });

  it('an expired authorisation takes nothing, and the purge removes it', async () => {
    const { ctx, row } = await issued();
    const auth = await createSigningAuthorisation(ctx, row, PASSPHRASE, { documents: 2, actor: 'test' });
    await rt.db
      .update(signingAuthorisations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signingAuthorisations.id, auth.id));
    await assert.rejects(useSigningAuthorisation(ctx, auth.token), {
      code: 'ERR_SIGNING_AUTHORISATION_SPENT',
    });
    const [kept] = await rt.db
      .select()
      .from(signingAuthorisations)
      .where(eq(signingAuthorisations.id, auth.id));
    assert.equal(kept!.remaining, 2);
    assert.ok((await purgeExpiredSigningAuthorisations(rt.db)) >= 1);
    await assert.rejects(useSigningAuthorisation(ctx, auth.token), {
      code: 'ERR_SIGNING_AUTHORISATION_INVALID',
    });
  });

  it('a wrong token is a counted guess: a budget of them ends the authorisation for the hour', async () => {
    const { ctx, row } = await issued();
    const auth = await createSigningAuthorisation(ctx, row, PASSPHRASE, { documents: 9, actor: 'test' });
    const [id] = auth.token.split('.');
    for (const bad of ['', 'x', `${id}.short`, 42, null])
      await assert.rejects(useSigningAuthorisation(ctx, bad), { code: 'ERR_SIGNING_AUTHORISATION_INVALID' });
    for (let i = 0; i < SIGNING_AUTHORISATION_GUESSES; i++)
      await assert.rejects(
        useSigningAuthorisation(ctx, `${id}.${crypto.randomBytes(32).toString('base64url')}`),
        { code: 'ERR_SIGNING_AUTHORISATION_INVALID' },
      );
    await assert.rejects(
      useSigningAuthorisation(ctx, auth.token),
      (error: { code: string; details?: object }) => {
        assert.equal(error.code, 'ERR_SIGNING_AUTHORISATION_INVALID');
        assert.ok(error.details && 'retryAfterSeconds' in error.details, 'refused by the guard');
        return true;
      },
    );
    const [kept] = await rt.db
      .select()
      .from(signingAuthorisations)
      .where(eq(signingAuthorisations.id, auth.id));
    assert.equal(kept!.remaining, 9, 'no wrong token took a document');
  });

  it('holds nothing a database dump with the master key opens; ending it deletes it', async () => {
    const { ctx, row } = await issued();
    const auth = await createSigningAuthorisation(ctx, row, PASSPHRASE, { documents: 2, actor: 'test' });
    const key = (await useSigningAuthorisation(ctx, auth.token)).privateKey;
    const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
    const scalar = (key.export({ format: 'jwk' }) as { d: string }).d;
    const [stored] = await rt.db
      .select()
      .from(signingAuthorisations)
      .where(eq(signingAuthorisations.id, auth.id));
    const dump = Buffer.from(JSON.stringify(stored) + Buffer.from(stored!.sealedKey).toString('hex'));
    assert.ok(!dump.includes(pkcs8.toString('hex')) && !dump.includes(scalar));
    // With the master key the outer layer opens; what it holds is ciphertext under the token.
    const inner = await ctx.outers.master!.unwrap(
      stored!.sealedKey,
      `signing-authorisation/outer:${auth.id}`,
    );
    assert.ok(!inner.includes(pkcs8) && !inner.includes(Buffer.from(scalar, 'base64url')));
    assert.throws(() => crypto.createPrivateKey({ key: inner, format: 'der', type: 'pkcs8' }));
    await assert.rejects(
      endSigningAuthorisation(ctx, `${auth.id}.${crypto.randomBytes(32).toString('base64url')}`),
      {
        code: 'ERR_SIGNING_AUTHORISATION_INVALID',
      },
    );
    await endSigningAuthorisation(ctx, auth.token);
    assert.equal(
      (await rt.db.select().from(signingAuthorisations).where(eq(signingAuthorisations.id, auth.id))).length,
      0,
    );
  });
});
