import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, count, countDistinct, eq, inArray } from 'drizzle-orm';
import { issueCertificate, type IssuedCertificate } from '../../src/authority/issue-certificate.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { auditEvents, certificates, ocspResponses } from '../../src/db/schema.js';
import { parseDistinguishedName } from '../../src/pki/distinguished-name.js';
import { randomSerial, serialHexToInteger } from '../../src/pki/serial-number.js';
import { caFixture, type CaFixture } from '../helpers/ca-fixture.js';

const TOTAL = 1000;

function p256Spki(): Uint8Array {
  const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
}

/** The PostgreSQL error code anywhere in an error's cause chain (Drizzle wraps driver errors). */
function pgCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

describe('concurrent issuance against one CA', () => {
  let f: CaFixture;
  before(async () => {
    f = await caFixture();
  });

  const request = (name: string, extra: Partial<Parameters<typeof issueCertificate>[1]> = {}) => ({
    caId: 'individual',
    profile: 'individual',
    subject: parseDistinguishedName(`CN=${name}, C=ID`),
    altNames: [],
    spkiDer: p256Spki(),
    actor: 'test',
    ...extra,
  });

  it(`issues ${TOTAL} certificates at once with distinct 20-byte serials, all stored`, async () => {
    // Keys first, so the issuances really run at the same time.
    const requests = Array.from({ length: TOTAL }, (_, i) => request(`Concurrent ${i}`));
    const started = Date.now();
    const issued: IssuedCertificate[] = await Promise.all(
      requests.map((r) => issueCertificate(f.rt.authority, r)),
    );
    const elapsed = Date.now() - started;
    console.log(`# ${TOTAL} concurrent issuances on ${f.rt.database.engine}: ${elapsed} ms`);

    const serials = issued.map((c) => c.serialHex);
    assert.equal(new Set(serials).size, TOTAL, 'serials are distinct');
    const ca = f.rt.registry.all().find((c) => c.id === 'individual');
    assert.ok(ca);
    const caKey = crypto.createPublicKey({ key: Buffer.from(ca.spkiDer), format: 'der', type: 'spki' });
    for (const [i, cert] of issued.entries()) {
      // 20 content bytes, positive, no leading zero byte: exactly 40 hex digits, first < 8.
      assert.match(cert.serialHex, /^[0-7][0-9a-f]{39}$/);
      assert.notEqual(cert.serialHex.slice(0, 2), '00');
      assert.equal(serialHexToInteger(cert.serialHex).length, 20);
      const x509 = new crypto.X509Certificate(Buffer.from(cert.der));
      assert.equal(x509.serialNumber.toLowerCase(), cert.serialHex);
      assert.equal(x509.subject, `C=ID\nCN=Concurrent ${i}`);
      assert.ok(x509.verify(caKey), `certificate ${cert.serialHex} is signed by the individual CA`);
    }

    const rows = await f.rt.db
      .select({
        serial: certificates.serial,
        status: certificates.status,
        der: certificates.der,
        tbsDer: certificates.tbsDer,
        issuedAt: certificates.issuedAt,
      })
      .from(certificates)
      .where(and(eq(certificates.authorityId, 'individual'), eq(certificates.profile, 'individual')));
    assert.equal(rows.length, TOTAL);
    const bySerial = new Map(issued.map((c) => [c.serialHex, c]));
    for (const row of rows) {
      const cert = bySerial.get(row.serial);
      assert.ok(cert, `row ${row.serial} was returned by an issuance`);
      assert.equal(row.status, 'issued');
      assert.ok(row.der && row.issuedAt);
      assert.deepEqual(Buffer.from(row.der), Buffer.from(cert.der));
      assert.ok(
        Buffer.from(cert.der).includes(Buffer.from(row.tbsDer)),
        'the signed TBS is the recorded one',
      );
    }

    // Every certificate has its pre-signed OCSP response and its audit event.
    const [ocsp] = await f.rt.db
      .select({ n: count() })
      .from(ocspResponses)
      .where(and(eq(ocspResponses.authorityId, 'individual'), inArray(ocspResponses.serial, serials)));
    assert.equal(ocsp!.n, TOTAL);
    const [events] = await f.rt.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'certificate.issue'),
          inArray(
            auditEvents.target,
            serials.map((s) => `certificate:individual/${s}`),
          ),
        ),
      );
    assert.equal(events!.n, TOTAL);
    await f.rt.sealAudit();
    const chain = await verifyAuditChain(f.rt.db, f.rt.masterKey.derive('audit-chain/v1'));
    assert.ok(chain.ok, JSON.stringify(chain.problem));
  });

  it('keeps (authority, serial) unique in the database', async () => {
    const [totals] = await f.rt.db
      .select({ rows: count(), serials: countDistinct(certificates.serial) })
      .from(certificates)
      .where(eq(certificates.authorityId, 'individual'));
    assert.equal(totals!.rows, totals!.serials);
    const [existing] = await f.rt.db
      .select()
      .from(certificates)
      .where(eq(certificates.authorityId, 'individual'))
      .limit(1);
    assert.ok(existing);
    const { id: _id, ...copy } = existing;
    await assert.rejects(
      f.rt.db.insert(certificates).values({ ...copy, status: 'pending', der: null }),
      (error: unknown) => {
        assert.equal(pgCode(error), '23505', `unique violation expected, got ${String(error)}`);
        return true;
      },
    );
  });

  it('draws a new serial when the drawn one is taken, and leaves the existing certificate alone', async () => {
    const first = await issueCertificate(f.rt.authority, request('Taken'));
    const [before] = await f.rt.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.authorityId, 'individual'), eq(certificates.serial, first.serialHex)));
    assert.ok(before);

    const fresh = randomSerial();
    const drawn: string[] = [];
    const queue = [serialHexToInteger(first.serialHex), serialHexToInteger(first.serialHex), fresh];
    const second = await issueCertificate(
      f.rt.authority,
      request('Collides', {
        serialSource: () => {
          const next = queue.shift();
          assert.ok(next, 'no more than three draws');
          drawn.push(Buffer.from(next).toString('hex'));
          return next;
        },
      }),
    );
    assert.equal(drawn.length, 3, 'two collisions, then a free serial');
    assert.equal(second.serialHex, Buffer.from(fresh).toString('hex'));
    assert.equal(new crypto.X509Certificate(Buffer.from(second.der)).subject, 'C=ID\nCN=Collides');

    const [after] = await f.rt.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.authorityId, 'individual'), eq(certificates.serial, first.serialHex)));
    assert.deepEqual(after, before, 'the certificate that had the serial is unchanged');
    assert.match(new crypto.X509Certificate(Buffer.from(after.der!)).subject, /CN=Taken/);

    // The same serial under another CA is no collision: uniqueness is per issuer.
    const seal = await issueCertificate(f.rt.authority, {
      ...request('Segel'),
      caId: 'seal',
      profile: 'seal',
      subject: parseDistinguishedName('CN=Segel, O=Contoh, C=ID'),
      serialSource: () => serialHexToInteger(first.serialHex),
    });
    assert.equal(seal.serialHex, first.serialHex);
  });

  it('gives up with ERR_CERT_SERIAL_EXHAUSTED after five collisions, recording nothing', async () => {
    const taken = await issueCertificate(f.rt.authority, request('Always Taken'));
    const countRows = async () =>
      (await f.rt.db.select({ n: count() }).from(certificates))[0]!.n +
      (await f.rt.db.select({ n: count() }).from(auditEvents))[0]!.n;
    const before = await countRows();
    let draws = 0;
    await assert.rejects(
      issueCertificate(
        f.rt.authority,
        request('Never Issued', {
          serialSource: () => {
            draws++;
            return serialHexToInteger(taken.serialHex);
          },
        }),
      ),
      { code: 'ERR_CERT_SERIAL_EXHAUSTED' },
    );
    assert.equal(draws, 5);
    assert.equal(await countRows(), before);
  });
});
