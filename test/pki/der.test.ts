/**
 * src/pki/der.ts against inputs it did not make: hand-written DER vectors (X.690), structures made
 * by OpenSSL (`openssl asn1parse -genconf`, `openssl req -x509 -outform DER`) read back and compared
 * with OpenSSL's own reading, and the non-DER encodings the reader must refuse.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  booleanDer,
  decodeTlv,
  der,
  derReader,
  filledSequenceContentStart,
  integerDer,
  integerIsMinimal,
  isNull,
  lengthFieldSize,
  nullDer,
  oidDer,
  oidIsValid,
  oidText,
  readBitString,
  readBoolean,
  readInteger,
  readTime,
  tag,
  timeDer,
  type Tlv,
} from '../../src/pki/der.js';
import { openssl } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const bytes = (value: string) => new Uint8Array(Buffer.from(value.replace(/\s/g, ''), 'hex'));
const hex = (value: Uint8Array) => Buffer.from(value).toString('hex');

/** The TLV filling all of `input` (or the failure message). */
function whole(input: Uint8Array): Tlv | string {
  const tlv = decodeTlv(input, 0, input.length);
  if (typeof tlv === 'string') return tlv;
  return tlv.end === input.length ? tlv : 'is followed by unexpected data';
}

function tlvOf(vector: string): { input: Uint8Array; tlv: Tlv } {
  const input = bytes(vector);
  const tlv = whole(input);
  if (typeof tlv === 'string') assert.fail(`${vector} ${tlv}`);
  return { input, tlv };
}

const fail = (message: string): never => {
  throw new Error(message);
};
const reader = derReader(fail);

describe('der.ts: hand-written vectors', () => {
  it('INTEGER: 0, 127, 128, 256, negatives, a leading 00 for a positive high bit, 2^64', () => {
    const vectors: [bigint, string][] = [
      [0n, '020100'],
      [127n, '02017f'],
      [128n, '02020080'],
      [255n, '020200ff'],
      [256n, '02020100'],
      [-1n, '0201ff'],
      [-128n, '020180'],
      [-129n, '0202ff7f'],
      [-256n, '0202ff00'],
      [2n ** 64n, '0209010000000000000000'],
    ];
    for (const [value, vector] of vectors) {
      assert.equal(hex(integerDer(value)), vector, `write ${value}`);
      const { input, tlv } = tlvOf(vector);
      assert.equal(readInteger(input, tlv), value, `read ${vector}`);
    }
    assert.equal(hex(integerDer(128)), '02020080', 'numbers too');
  });

  it('BOOLEAN and NULL', () => {
    assert.equal(hex(booleanDer(true)), '0101ff');
    assert.equal(hex(booleanDer(false)), '010100');
    const t = tlvOf('0101ff');
    const f = tlvOf('010100');
    assert.equal(readBoolean(t.input, t.tlv), true);
    assert.equal(readBoolean(f.input, f.tlv), false);
    assert.equal(hex(nullDer), '0500');
    assert.equal(isNull(tlvOf('0500').tlv), true);
  });

  it('OBJECT IDENTIFIER: single- and multi-byte arcs, the 2.x arc, a 128-bit UUID arc', () => {
    const vectors: [string, string][] = [
      ['2.5.29.19', '0603551d13'],
      ['1.2.840.113549.1.1.11', '06092a864886f70d01010b'],
      ['1.2.840.10045.4.3.3', '06082a8648ce3d040303'],
      ['0.9.2342.19200300.100.1.1', '060a0992268993f22c640101'],
      ['1.3.6.1.5.5.7.48.1.2', '06092b0601050507300102'],
      ['2.999.3', '0603883703'], // 2.999 is one subidentifier, 80 + 999 = 1079
      ['2.47', '06017f'], // 80 + 47 = 127, the largest one-octet 2.x
      ['2.48', '06028100'],
      ['2.25.329800735698586629295641978511506172918', '06146983f09da7ebcfdee0c7a1a7b2c0948cc8f9d776'],
    ];
    for (const [oid, vector] of vectors) {
      assert.equal(hex(oidDer(oid)), vector, `write ${oid}`);
      const { input, tlv } = tlvOf(vector);
      assert.equal(oidIsValid(input, tlv), true, vector);
      assert.equal(oidText(input, tlv), oid, `read ${vector}`);
    }
    for (const text of ['1', '3.1', '1.40', '0.40', '1.2.', '1..2', '1.02', 'x.1', ''])
      assert.throws(() => oidDer(text), RangeError, text);
  });

  it('OCTET STRING and BIT STRING', () => {
    assert.equal(hex(der(tag.octetString, bytes('deadbeef'))), '0404deadbeef');
    assert.equal(hex(der(tag.octetString)), '0400');
    const cases: [string, number, string][] = [
      ['030100', 0, ''], // empty
      ['03020780', 7, '80'], // one named bit, 7 unused
      ['030305a0e0', 5, 'a0e0'],
      ['0303000a3b', 0, '0a3b'],
    ];
    for (const [vector, unusedBits, content] of cases) {
      const { input, tlv } = tlvOf(vector);
      const read = readBitString(input, tlv);
      assert.ok(read, vector);
      assert.equal(read.unusedBits, unusedBits);
      assert.equal(hex(read.bytes), content);
    }
  });

  it('UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5)', () => {
    const vectors: [string, string, boolean?][] = [
      ['1950-01-01T00:00:00Z', '170d3530303130313030303030305a'],
      ['2049-12-31T23:59:59Z', '170d3439313233313233353935395a'],
      ['2050-01-01T00:00:00Z', '180f32303530303130313030303030305a'],
      ['2026-03-04T05:06:07Z', '180f32303236303330343035303630375a', true],
      ['9999-12-31T23:59:59Z', '180f39393939313233313233353935395a'],
    ];
    for (const [iso, vector, generalized] of vectors) {
      assert.equal(hex(timeDer(new Date(iso), generalized)), vector, iso);
      const { input, tlv } = tlvOf(vector);
      assert.equal(readTime(input, tlv)?.toISOString(), new Date(iso).toISOString(), vector);
    }
    assert.equal(hex(timeDer(new Date('2026-03-04T05:06:07.999Z'))), '170d3236303330343035303630375a');
    assert.throws(() => timeDer(new Date('1949-12-31T23:59:59Z')), RangeError);
    assert.throws(() => timeDer(new Date(NaN)), RangeError);
  });

  it('SEQUENCE, SET and context-specific tags', () => {
    const sequence = der(tag.sequence, integerDer(1), booleanDer(true));
    assert.equal(hex(sequence), '30060201010101ff');
    assert.equal(hex(der(tag.set, integerDer(1), integerDer(2))), '3106020101020102');
    assert.equal(hex(der(tag.context0, integerDer(2))), 'a003020102'); // [0] EXPLICIT
    assert.equal(hex(der(0x80)), '8000'); // [0] IMPLICIT NULL, as OCSP's good
    assert.equal(hex(der(0x86, bytes('6869'))), '86026869'); // [6] IMPLICIT IA5String (a URI)

    const input = bytes('3009a003020102' + '8000' + '0500');
    const outer = reader.only(input, 0, input.length, tag.sequence, 'outer');
    const explicit = reader.expect(input, outer.contentStart, outer.end, tag.context0, '[0]');
    const inner = reader.only(input, explicit.contentStart, explicit.end, tag.integer, 'inner');
    assert.equal(readInteger(input, inner), 2n);
    const implicit = reader.read(input, explicit.end, outer.end, '[0] IMPLICIT');
    assert.deepEqual(implicit, { tag: 0x80, start: 7, contentStart: 9, end: 9 });
    const last = reader.only(input, implicit.end, outer.end, tag.null, 'NULL');
    assert.equal(isNull(last), true);
  });

  it('long lengths: 0x81 from 128, 0x82 from 256, 0x83 from 65,536 octets', () => {
    const cases: [number, string][] = [
      [0, '00'],
      [127, '7f'],
      [128, '8180'],
      [255, '81ff'],
      [256, '820100'],
      [65535, '82ffff'],
      [65536, '83010000'],
    ];
    for (const [length, header] of cases) {
      const encoded = der(tag.octetString, new Uint8Array(length).fill(0x5a));
      assert.equal(hex(encoded.subarray(1, 1 + header.length / 2)), header, `length ${length}`);
      assert.equal(lengthFieldSize(length), header.length / 2);
      assert.equal(encoded.length, 1 + header.length / 2 + length);
      const tlv = whole(encoded);
      assert.ok(typeof tlv !== 'string', `${length}: ${JSON.stringify(tlv)}`);
      assert.equal(tlv.contentStart, 1 + header.length / 2);
      assert.equal(tlv.end, encoded.length);
    }
  });
});

/** Our reading of a DER file as `openssl asn1parse -i` prints it: offset, depth, header and content length. */
function walk(input: Uint8Array, start = 0, limit = input.length, depth = 0, out: string[] = []): string[] {
  for (let pos = start; pos < limit;) {
    const tlv = reader.read(input, pos, limit, `the element at ${pos}`);
    const constructed = (tlv.tag & 0x20) !== 0;
    out.push(
      `${tlv.start}:${depth}:${tlv.contentStart - tlv.start}:${tlv.end - tlv.contentStart}:${constructed ? 'cons' : 'prim'}`,
    );
    if (constructed) walk(input, tlv.contentStart, tlv.end, depth + 1, out);
    pos = tlv.end;
  }
  return out;
}

/** `openssl asn1parse -i` of a DER file in walk()'s form. */
function opensslWalk(file: string): string[] {
  return openssl(['asn1parse', '-inform', 'DER', '-in', file, '-i'])
    .split('\n')
    .map((line) => /^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(prim|cons)/.exec(line))
    .filter((match) => match !== null)
    .map((m) => `${m[1]}:${m[2]}:${m[3]}:${m[4]}:${m[5]}`);
}

describe('der.ts reads what OpenSSL writes', () => {
  const dir = tmpDir('teken-der-');
  const longText = 'x'.repeat(300);
  const config = `asn1 = SEQUENCE:top
[top]
zero = INTEGER:0
small = INTEGER:127
high = INTEGER:128
big = INTEGER:0x0102030405060708090a0b0c0d0e0f1011121314
negative = INTEGER:-129
yes = BOOLEAN:TRUE
no = BOOLEAN:FALSE
nothing = NULL
arcs = OID:1.2.840.113549.1.1.11
twoArc = OID:2.999.3
uuid = OID:2.25.329800735698586629295641978511506172918
octets = FORMAT:HEX,OCTETSTRING:deadbeef
long = OCTETSTRING:${longText}
bits = FORMAT:HEX,BITSTRING:0a3b
utc = UTCTIME:491231235959Z
gen = GENTIME:20500101000000Z
set = SET:members
explicit = EXPLICIT:0,INTEGER:5
implicit = IMPLICIT:1,OCTETSTRING:ab
[members]
b = INTEGER:2
a = INTEGER:1
`;
  const configFile = path.join(dir, 'all-types.cnf');
  const derFile = path.join(dir, 'all-types.der');
  fs.writeFileSync(configFile, config);
  openssl(['asn1parse', '-genconf', configFile, '-out', derFile, '-noout']);
  const input = new Uint8Array(fs.readFileSync(derFile));

  it('walks an asn1parse -genconf structure of every type as OpenSSL does', () => {
    assert.deepEqual(walk(input), opensslWalk(derFile));
  });

  it('reads its values back', () => {
    const top = reader.only(input, 0, input.length, tag.sequence, 'top');
    const items: Tlv[] = [];
    for (let pos = top.contentStart; pos < top.end;) {
      const tlv = reader.read(input, pos, top.end, 'an item');
      items.push(tlv);
      pos = tlv.end;
    }
    const [
      zero,
      small,
      high,
      big,
      negative,
      yes,
      no,
      nothing,
      arcs,
      twoArc,
      uuid,
      octets,
      long,
      bits,
      utc,
      gen,
      set,
      explicit,
      implicit,
    ] = items as [
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
    ];
    assert.equal(readInteger(input, zero), 0n);
    assert.equal(readInteger(input, small), 127n);
    assert.equal(readInteger(input, high), 128n);
    assert.equal(readInteger(input, big), 0x0102030405060708090a0b0c0d0e0f1011121314n);
    assert.equal(readInteger(input, negative), -129n);
    assert.equal(readBoolean(input, yes), true);
    assert.equal(readBoolean(input, no), false);
    assert.equal(isNull(nothing), true);
    assert.equal(oidText(input, arcs), '1.2.840.113549.1.1.11');
    assert.equal(oidText(input, twoArc), '2.999.3');
    assert.equal(oidText(input, uuid), '2.25.329800735698586629295641978511506172918');
    for (const oid of [arcs, twoArc, uuid]) assert.equal(oidIsValid(input, oid), true);
    assert.equal(hex(input.subarray(octets.contentStart, octets.end)), 'deadbeef');
    assert.equal(input[long.start + 1], 0x82, 'a 300-octet string takes a two-octet length');
    assert.equal(Buffer.from(input.subarray(long.contentStart, long.end)).toString('latin1'), longText);
    assert.equal(hex(readBitString(input, bits)!.bytes), '0a3b');
    assert.equal(readTime(input, utc)?.toISOString(), '2049-12-31T23:59:59.000Z');
    assert.equal(readTime(input, gen)?.toISOString(), '2050-01-01T00:00:00.000Z');
    // DER sorts SET OF: OpenSSL wrote 1 before 2.
    const first = reader.expect(input, set.contentStart, set.end, tag.integer, 'first');
    assert.equal(readInteger(input, first), 1n);
    assert.equal(explicit.tag, tag.context0);
    assert.equal(
      readInteger(input, reader.only(input, explicit.contentStart, explicit.end, tag.integer, 'x')),
      5n,
    );
    assert.equal(implicit.tag, 0x81);
    assert.equal(hex(input.subarray(implicit.contentStart, implicit.end)), '6162'); // the text "ab"
    // And the writer writes the same bytes for the same values.
    assert.equal(
      hex(input.subarray(zero.start, negative.end)),
      [0, 127, 128, 0x0102030405060708090a0b0c0d0e0f1011121314n, -129]
        .map((v) => hex(integerDer(v)))
        .join(''),
    );
    assert.equal(
      hex(input.subarray(arcs.start, uuid.end)),
      ['1.2.840.113549.1.1.11', '2.999.3', '2.25.329800735698586629295641978511506172918']
        .map((o) => hex(oidDer(o)))
        .join(''),
    );
    assert.equal(
      hex(input.subarray(utc.start, gen.end)),
      hex(timeDer(new Date('2049-12-31T23:59:59Z'))) + hex(timeDer(new Date('2050-01-01T00:00:00Z'))),
    );
  });

  for (const [name, keyArgs] of [
    ['ECDSA P-256', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
    ['RSA-2048', ['-newkey', 'rsa:2048']],
  ] as const) {
    it(`walks an openssl req -x509 ${name} certificate as OpenSSL does`, () => {
      const file = path.join(dir, `${name}.der`);
      openssl([
        'req',
        '-x509',
        ...keyArgs,
        '-nodes',
        '-keyout',
        path.join(dir, `${name}.key`),
        '-subj',
        '/CN=Teken DER test/O=Teken',
        '-days',
        '30',
        '-addext',
        'subjectAltName=DNS:example.test',
        '-outform',
        'DER',
        '-out',
        file,
      ]);
      const cert = new Uint8Array(fs.readFileSync(file));
      const lines = walk(cert);
      assert.deepEqual(lines, opensslWalk(file));
      assert.ok(lines.length > 20);
      // Its validity times read as OpenSSL prints them.
      const printed = openssl(['x509', '-inform', 'DER', '-in', file, '-noout', '-startdate', '-enddate']);
      const certificate = reader.only(cert, 0, cert.length, tag.sequence, 'certificate');
      const tbs = reader.expect(cert, certificate.contentStart, certificate.end, tag.sequence, 'tbs');
      let item = reader.read(cert, tbs.contentStart, tbs.end, 'version');
      for (let i = 0; i < 4; i++) item = reader.read(cert, item.end, tbs.end, 'field'); // serial, sig, issuer, validity
      const notBefore = reader.read(cert, item.contentStart, item.end, 'notBefore');
      const notAfter = reader.read(cert, notBefore.end, item.end, 'notAfter');
      const start = new Date(/notBefore=(.*)/.exec(printed)![1]!);
      const end = new Date(/notAfter=(.*)/.exec(printed)![1]!);
      assert.equal(readTime(cert, notBefore)?.getTime(), start.getTime());
      assert.equal(readTime(cert, notAfter)?.getTime(), end.getTime());
    });
  }
});

describe('der.ts refuses what is not DER', () => {
  it('indefinite, non-minimal, over-long and truncated lengths', () => {
    const cases: [string, string][] = [
      ['30800201000000', 'uses an indefinite length (not DER)'],
      ['048105' + '00'.repeat(5), 'has a non-minimal length (not DER)'], // 5 fits the short form
      ['04820005' + '00'.repeat(5), 'has a non-minimal length (not DER)'], // leading zero octet
      ['0482007f' + '00'.repeat(127), 'has a non-minimal length (not DER)'],
      ['048400000001' + '00', 'is too long'],
      ['3005020101', 'is truncated'], // length beyond the input
      ['04', 'is truncated'],
      ['', 'is truncated'],
      ['0481', 'is truncated'],
    ];
    for (const [vector, message] of cases) assert.equal(whole(bytes(vector)), message, vector);
  });

  it('an element longer than its parent', () => {
    // SEQUENCE of length 3 holding an INTEGER of length 2 (which would end one octet beyond it).
    const input = bytes('300302020101' + '00');
    const outer = reader.expect(input, 0, input.length, tag.sequence, 'outer');
    assert.equal(decodeTlv(input, outer.contentStart, outer.end), 'is truncated');
    assert.throws(
      () => reader.read(input, outer.contentStart, outer.end, 'the INTEGER'),
      /the INTEGER is truncated/,
    );
  });

  it('trailing bytes', () => {
    const input = bytes('020101' + '00');
    assert.equal(whole(input), 'is followed by unexpected data');
    assert.throws(
      () => reader.only(input, 0, input.length, tag.integer, 'the INTEGER'),
      /is followed by unexpected data/,
    );
    assert.throws(() => reader.expect(input, 0, input.length, tag.boolean, 'the BOOLEAN'), /unexpected tag/);
  });

  it('high tag numbers (the long form of tags)', () => {
    for (const vector of ['1f0201' + '00', '1f8100' + '00', 'bf1f0100', '3f2000', 'df0100'])
      assert.equal(decodeTlv(bytes(vector), 0, bytes(vector).length), 'has an unexpected tag', vector);
  });

  it('non-minimal and empty INTEGERs', () => {
    for (const vector of ['02020001', '0202007f', '0202ff80', '0202ffff', '0200', '0203000080']) {
      const { input, tlv } = tlvOf(vector);
      assert.equal(integerIsMinimal(input, tlv), false, vector);
      assert.equal(readInteger(input, tlv), undefined, vector);
    }
    const { input, tlv } = tlvOf('0a0101'); // ENUMERATED, not INTEGER
    assert.equal(readInteger(input, tlv), undefined);
  });

  it('BOOLEANs other than 0x00 and 0xff, and NULL with content', () => {
    for (const vector of ['010101', '01017f', '010180', '0100', '0102ffff']) {
      const { input, tlv } = tlvOf(vector);
      assert.equal(readBoolean(input, tlv), undefined, vector);
    }
    assert.equal(isNull(tlvOf('050100').tlv), false);
    assert.equal(isNull(tlvOf('0400').tlv), false);
  });

  it('BIT STRINGs with more than 7 unused bits, set unused bits or no initial octet', () => {
    for (const vector of ['0300', '030108', '030107', '03020801', '03020101', '03030640c1']) {
      const { input, tlv } = tlvOf(vector);
      assert.equal(readBitString(input, tlv), undefined, vector);
    }
  });

  it('UTCTime without Z, without seconds, with an offset or fraction; impossible dates', () => {
    const times = [
      ['17', '491231235959'], // no Z
      ['17', '4912312359Z'], // seconds missing
      ['17', '491231235959+0700'],
      ['17', '4912312359590Z'],
      ['18', '20500101000000.5Z'],
      ['18', '20500101000000'],
      ['18', '205001010000Z'],
      ['17', '491331235959Z'], // month 13
      ['17', '490230235959Z'], // 30 February
      ['17', '491231245959Z'], // hour 24
      ['17', '49123123595aZ'],
      ['18', '491231235959Z'], // a UTCTime's text under the GeneralizedTime tag
      ['17', '20500101000000Z'], // and the other way round
    ] as const;
    for (const [tagHex, text] of times) {
      const content = Buffer.from(text, 'latin1');
      const input = new Uint8Array([Number.parseInt(tagHex, 16), content.length, ...content]);
      assert.equal(readTime(input, whole(input) as Tlv), undefined, text);
    }
  });

  it('OIDs that are empty, end inside an arc, or pad an arc with 0x80', () => {
    for (const vector of ['0600', '060180', '0602802a', '06032a8001', '06022a86', '0603552a80']) {
      const { input, tlv } = tlvOf(vector);
      assert.equal(oidIsValid(input, tlv), false, vector);
    }
  });

  it('filledSequenceContentStart takes exactly the SEQUENCEs decodeTlv takes that fill their end', () => {
    const random = (n: number) => crypto.randomInt(n);
    for (let i = 0; i < 20000; i++) {
      let input: Uint8Array;
      if (i % 2 === 0) {
        const length = [0, 1, 127, 128, 255, 256, 300, 65535, 65536][random(9)]!;
        input = der(tag.sequence, new Uint8Array(length));
        // Break the header now and then: tag, length octets, or the end.
        if (random(3) === 0) input[random(Math.min(5, input.length))] = random(256);
        if (random(4) === 0) input = input.subarray(0, input.length - random(3));
        if (random(4) === 0) input = new Uint8Array([...input.subarray(0, 8), 0]);
      } else {
        input = new Uint8Array(2 + random(6));
        crypto.getRandomValues(input);
        if (random(2) === 0) input[0] = 0x30;
      }
      const tlv = decodeTlv(input, 0, input.length);
      const expected =
        typeof tlv !== 'string' && tlv.tag === tag.sequence && tlv.end === input.length
          ? tlv.contentStart
          : -1;
      assert.equal(filledSequenceContentStart(input, 0, input.length), expected, hex(input.subarray(0, 8)));
    }
  });
});
