/**
 * The eSign signing call's two wire formats read into one request (shared/BSRE-API.md): every
 * field and every variant real clients send, and a clear "Proses signing gagal : …" refusal naming
 * the field for what cannot be signed (never an exception of another kind).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTekenError } from '../../src/errors/teken-error.js';
import {
  DEFAULT_TAG_BOX,
  V2_MAX_FILES,
  bsreBoolean,
  parseV1SignForm,
  parseV2SignBody,
} from '../../src/signing/esign/sign-request.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';

const pdf = Buffer.from('%PDF-1.7\n%…');
const png = Buffer.from('89504e470d0a1a0a', 'hex');
const nik = syntheticPerson().nik;
const limits = { maxPdfBytes: 1024 * 1024, maxImageBytes: 64 * 1024 };

/** Asserts a refusal naming `field`, in BSrE's text. */
function refused(fn: () => unknown, field: string) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isTekenError(error), String(error));
    assert.equal(error.code, 'ERR_INPUT_INVALID');
    assert.equal(error.details?.['field'], field, error.message);
    assert.match(error.message, /^Proses signing gagal : /);
    return true;
  });
}

describe('eSign v1 sign form', () => {
  const base = { nik, passphrase: 'Rahasia#2026' };

  it('reads an invisible signature, the default, with the passphrase as typed', () => {
    const r = parseV1SignForm({ ...base, passphrase: ' Rahasia#2026 ', reason: 'Menyetujui' }, { file: pdf });
    assert.deepEqual(r.signer, { nik, email: undefined });
    assert.deepEqual(r.credential, { kind: 'passphrase', passphrase: ' Rahasia#2026 ' });
    assert.deepEqual(r.documents[0]!.appearance, { visible: false });
    assert.equal(r.documents[0]!.details.reason, 'Menyetujui');
    assert.equal(r.response, 'binary');
  });

  it('reads a visible image box with decimal-string coordinates, in any case', () => {
    const r = parseV1SignForm(
      {
        ...base,
        tampilan: 'VISIBLE',
        image: 'TRUE',
        page: '2',
        xAxis: '43.63',
        yAxis: '100',
        width: '120.5',
        height: '60',
      },
      { file: pdf, imageTTD: png },
    );
    assert.deepEqual(r.documents[0]!.appearance, {
      visible: true,
      placement: { kind: 'box', page: 2, x: 43.63, y: 100, width: 120.5, height: 60 },
      mark: { kind: 'image', image: png },
    });
  });

  it('draws the QR of linkQR when image is false or ""; halaman instead of page', () => {
    for (const image of ['false', '', 'FALSE', '0']) {
      const r = parseV1SignForm(
        {
          ...base,
          tampilan: 'visible',
          image,
          linkQR: 'https://surat.example.go.id/d/1',
          halaman: 'TERAKHIR',
          xAxis: '10',
          yAxis: '10',
          width: '80',
          height: '80',
        },
        { file: pdf },
      );
      assert.deepEqual(r.documents[0]!.appearance, {
        visible: true,
        placement: { kind: 'box', page: 'last', x: 10, y: 10, width: 80, height: 80 },
        mark: { kind: 'qr', link: 'https://surat.example.go.id/d/1' },
      });
    }
  });

  it('tag mode: the tag wins over page and coordinates; without image or linkQR, the verification QR', () => {
    const r = parseV1SignForm(
      { ...base, tampilan: 'visible', tag_koordinat: '${ttd_pengirim1}', page: '1', xAxis: '5', yAxis: '5' },
      { file: pdf },
    );
    assert.deepEqual(r.documents[0]!.appearance, {
      visible: true,
      placement: { kind: 'tag', tag: '${ttd_pengirim1}', width: undefined, height: undefined },
      mark: { kind: 'qr', link: undefined },
    });
    assert.ok(DEFAULT_TAG_BOX.width > 0);
  });

  it('reads "null" and "" as absent, and jenis_response BASE64', () => {
    const r = parseV1SignForm(
      { ...base, tampilan: 'null', reason: '', location: 'null', jenis_response: 'base64' },
      { file: pdf },
    );
    assert.deepEqual(r.documents[0]!.appearance, { visible: false });
    assert.equal(r.documents[0]!.details.reason, undefined);
    assert.equal(r.documents[0]!.details.location, undefined);
    assert.equal(r.response, 'base64');
  });

  it('refuses what cannot be signed, naming the field', () => {
    refused(() => parseV1SignForm(base, {}), 'file');
    refused(() => parseV1SignForm({ passphrase: 'x' }, { file: pdf }), 'nik');
    refused(() => parseV1SignForm({ ...base, nik: '12345' }, { file: pdf }), 'nik');
    refused(() => parseV1SignForm({ nik }, { file: pdf }), 'passphrase');
    refused(() => parseV1SignForm({ ...base, passphrase: 'null' }, { file: pdf }), 'passphrase');
    refused(() => parseV1SignForm({ ...base, tampilan: 'kadang' }, { file: pdf }), 'tampilan');
    refused(() => parseV1SignForm({ ...base, tampilan: 'visible' }, { file: pdf }), 'page');
    refused(
      () =>
        parseV1SignForm(
          {
            ...base,
            tampilan: 'visible',
            image: 'true',
            page: '1',
            xAxis: '1',
            yAxis: '1',
            width: '9',
            height: '9',
          },
          { file: pdf },
        ),
      'imageTTD',
    );
    refused(
      () =>
        parseV1SignForm(
          { ...base, tampilan: 'visible', page: '1', xAxis: '1', yAxis: '1', width: '0', height: '9' },
          { file: pdf },
        ),
      'width',
    );
    refused(
      () =>
        parseV1SignForm(
          { ...base, tampilan: 'visible', page: '0', xAxis: '1', yAxis: '1', width: '9', height: '9' },
          { file: pdf },
        ),
      'page',
    );
    refused(
      () =>
        parseV1SignForm(
          { ...base, tampilan: 'visible', page: '1.5', xAxis: '1', yAxis: '1', width: '9', height: '9' },
          { file: pdf },
        ),
      'page',
    );
    refused(
      () =>
        parseV1SignForm(
          { ...base, tampilan: 'visible', page: '1', xAxis: 'kiri', yAxis: '1', width: '9', height: '9' },
          { file: pdf },
        ),
      'xAxis',
    );
    refused(
      () =>
        parseV1SignForm(
          { ...base, tampilan: 'visible', page: '1', xAxis: '1', yAxis: '99999', width: '9', height: '9' },
          { file: pdf },
        ),
      'yAxis',
    );
    refused(
      () =>
        parseV1SignForm(
          {
            ...base,
            tampilan: 'visible',
            halaman: 'tengah',
            xAxis: '1',
            yAxis: '1',
            width: '9',
            height: '9',
          },
          { file: pdf },
        ),
      'halaman',
    );
    refused(
      () =>
        parseV1SignForm(
          { ...base, tampilan: 'visible', image: 'mungkin', tag_koordinat: '#' },
          { file: pdf },
        ),
      'image',
    );
    refused(
      () =>
        parseV1SignForm(
          { ...base, tampilan: 'visible', tag_koordinat: '#', linkQR: 'javascript:alert(1)' },
          { file: pdf },
        ),
      'linkQR',
    );
    refused(() => parseV1SignForm({ ...base, reason: 'a\u0000b' }, { file: pdf }), 'reason');
    refused(() => parseV1SignForm({ ...base, reason: 'x'.repeat(201) }, { file: pdf }), 'reason');
    refused(
      () => parseV1SignForm({ ...base, tampilan: 'visible', tag_koordinat: '#'.repeat(65) }, { file: pdf }),
      'tag_koordinat',
    );
    refused(() => parseV1SignForm({ ...base, jenis_response: 'XML' }, { file: pdf }), 'jenis_response');
  });
});

describe('eSign v2 sign body', () => {
  const b64 = pdf.toString('base64');

  it('signs several files under one entry, by e-mail, nik and e-mail together, totp or otp', () => {
    const r = parseV2SignBody(
      {
        nik,
        email: 'Pegawai@Contoh.go.id',
        totp: '123456',
        file: [b64, b64, b64],
        signatureProperties: [{ tampilan: 'INVISIBLE', reason: '', location: null }],
      },
      limits,
    );
    assert.deepEqual(r.signer, { nik, email: 'pegawai@contoh.go.id' });
    assert.deepEqual(r.credential, { kind: 'totp', code: '123456' });
    assert.equal(r.documents.length, 3);
    for (const d of r.documents) {
      assert.deepEqual(d.pdf, pdf);
      assert.deepEqual(d.appearance, { visible: false });
      assert.equal(d.details.reason, undefined);
    }
    assert.deepEqual(parseV2SignBody({ email: 'a@b.go.id', otp: '654321', file: [b64] }, limits).credential, {
      kind: 'totp',
      code: '654321',
    });
  });

  it('one entry per file; VISIBLE with an image, or with a tag and no image; INVISIBLE with a 1×1 image and zero coordinates', () => {
    const r = parseV2SignBody(
      {
        nik,
        passphrase: 'Rahasia#2026',
        file: [b64, `data:application/pdf;base64,${b64}`, b64],
        signatureProperties: [
          {
            tampilan: 'VISIBLE',
            imageBase64: png.toString('base64'),
            page: 1,
            originX: '43.63',
            originY: 20,
            width: 100,
            height: 50,
            contactInfo: 'tu@contoh.go.id',
          },
          { tampilan: 'VISIBLE', tag_koordinat: '[qr_bsre]' },
          {
            tampilan: 'INVISIBLE',
            imageBase64: 'iVBORw0KGgo=',
            page: 0,
            originX: 0,
            originY: 0,
            width: 0,
            height: 0,
            pdfPassword: ' rahasia ',
          },
        ],
      },
      limits,
    );
    assert.deepEqual(r.documents[0]!.appearance, {
      visible: true,
      placement: { kind: 'box', page: 1, x: 43.63, y: 20, width: 100, height: 50 },
      mark: { kind: 'image', image: png },
    });
    assert.equal(r.documents[0]!.details.contactInfo, 'tu@contoh.go.id');
    assert.deepEqual(r.documents[1]!.pdf, pdf);
    assert.deepEqual(r.documents[1]!.appearance, {
      visible: true,
      placement: { kind: 'tag', tag: '[qr_bsre]', width: undefined, height: undefined },
      mark: { kind: 'qr', link: undefined },
    });
    assert.deepEqual(r.documents[2]!.appearance, { visible: false });
    assert.equal(r.documents[2]!.pdfPassword, ' rahasia ', 'a password as typed');
  });

  it('refuses what cannot be signed, naming the field', () => {
    const ok = { nik, passphrase: 'Rahasia#2026', file: [b64] };
    refused(() => parseV2SignBody(null, limits), 'body');
    refused(() => parseV2SignBody([], limits), 'body');
    refused(() => parseV2SignBody({ ...ok, nik: undefined }, limits), 'nik');
    refused(() => parseV2SignBody({ ...ok, nik: 'null', email: '' }, limits), 'nik');
    refused(() => parseV2SignBody({ ...ok, email: 'bukan-email' }, limits), 'email');
    refused(() => parseV2SignBody({ ...ok, passphrase: undefined }, limits), 'passphrase');
    refused(() => parseV2SignBody({ ...ok, passphrase: undefined, totp: '12 34' }, limits), 'totp');
    refused(() => parseV2SignBody({ ...ok, file: [] }, limits), 'file');
    refused(() => parseV2SignBody({ ...ok, file: Array(V2_MAX_FILES + 1).fill(b64) }, limits), 'file');
    refused(() => parseV2SignBody({ ...ok, file: ['%%% not base64'] }, limits), 'file[0]');
    refused(() => parseV2SignBody({ ...ok, file: [42] }, limits), 'file[0]');
    refused(
      () => parseV2SignBody({ ...ok, file: [Buffer.alloc(2 * 1024 * 1024).toString('base64')] }, limits),
      'file[0]',
    );
    refused(
      () => parseV2SignBody({ ...ok, file: [b64, b64], signatureProperties: [{}, {}, {}] }, limits),
      'signatureProperties',
    );
    refused(() => parseV2SignBody({ ...ok, signatureProperties: ['x'] }, limits), 'signatureProperties[0]');
    refused(() => parseV2SignBody({ ...ok, signatureProperties: [{ reason: { a: 1 } }] }, limits), 'reason');
    refused(() => parseV2SignBody({ ...ok, nik: [nik] }, limits), 'nik');
    refused(
      () =>
        parseV2SignBody(
          {
            ...ok,
            signatureProperties: [
              { tampilan: 'VISIBLE', page: 1, originX: 1, originY: 1, width: 9, height: 9 },
            ],
          },
          limits,
        ),
      'imageBase64',
    );
    refused(() => parseV2SignBody({ ...ok, signatureProperties: [{ tampilan: 'VISIBLE' }] }, limits), 'page');
    refused(
      () =>
        parseV2SignBody(
          {
            ...ok,
            signatureProperties: [
              { tampilan: 'VISIBLE', tag_koordinat: '#', imageBase64: 'x'.repeat(100_000) },
            ],
          },
          limits,
        ),
      'imageBase64',
    );
  });

  it('the seal endpoint names no signer: the TOTP is its credential', () => {
    const r = parseV2SignBody({ totp: 'ABCD1234', file: [b64] }, { ...limits, seal: true });
    assert.deepEqual(r.signer, { nik: undefined, email: undefined });
    assert.equal(r.credential.kind, 'totp');
    assert.equal(
      parseV2SignBody({ otp: 1234567890, file: [b64] }, { ...limits, seal: true }).credential.kind,
      'totp',
    );
    // Its batch code only: no person's passphrase opens the seal, and a passphrase beside a code is ignored.
    assert.throws(
      () => parseV2SignBody({ passphrase: 'Rahasia#2026', file: [b64] }, { ...limits, seal: true }),
      /^TekenError: Proses signing gagal : totp wajib diisi/,
    );
    const both = parseV2SignBody(
      { passphrase: 'x', totp: 'ABCD1234', file: [b64] },
      { ...limits, seal: true },
    );
    assert.deepEqual(both.credential, { kind: 'totp', code: 'ABCD1234' });
  });
});

describe('BSrE booleans', () => {
  it('reads every spelling clients send, and refuses the rest', () => {
    for (const [value, expected] of [
      [true, true],
      [false, false],
      ['true', true],
      ['TRUE', true],
      ['1', true],
      [1, true],
      ['false', false],
      ['', false],
      [0, false],
      ['null', undefined],
      [undefined, undefined],
    ] as const)
      assert.equal(bsreBoolean('image', value), expected, String(value));
    refused(() => bsreBoolean('image', 'kadang'), 'image');
  });
});
