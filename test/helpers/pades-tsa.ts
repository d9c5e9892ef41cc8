/**
 * A time-stamping authority for the PAdES tests and the benchmark, in process: RFC 3161 tokens
 * (TSTInfo with policy, accuracy and a serial, signed with ESSCertIDv2, RFC 5816) under the test
 * PKI's TSA certificate. Teken's own TSA (signing/tsa) replaces it on merge; `openssl ts -verify`
 * judges the tokens either way. `counted` tells how many tokens were asked for.
 */
import crypto from 'node:crypto';
import { der, integerDer, oidDer, tag, timeDer } from '../../src/pki/der.js';
import {
  buildSignerInfo,
  cadesSignedAttributes,
  digest,
  digestAlgorithmDer,
  oid,
  signedDataContentInfo,
  type PadesHash,
} from '../../src/signing/pades/cms.js';
import type { PadesTimestamper } from '../../src/signing/pades/timestamp-token.js';
import type { PadesIdentity } from './pades-pki.js';

export interface TestTsa extends PadesTimestamper {
  counted: number;
}

export function testTsa(tsa: PadesIdentity, chain: readonly Uint8Array[] = []): TestTsa {
  const self: TestTsa = {
    counted: 0,
    async timestamp(hashed: Uint8Array, hash: PadesHash, opts?: { certReq?: boolean }) {
      self.counted++;
      const tstInfo = der(
        tag.sequence,
        integerDer(1),
        oidDer('1.3.6.1.4.1.99999.1.1'),
        der(tag.sequence, digestAlgorithmDer(hash), der(tag.octetString, hashed)),
        integerDer(BigInt(`0x${crypto.randomBytes(8).toString('hex')}`)),
        timeDer(new Date(), true),
        der(tag.sequence, integerDer(1)),
      );
      const encap = der(tag.sequence, oidDer(oid.tstInfo), der(0xa0, der(tag.octetString, tstInfo)));
      const signedAttrs = cadesSignedAttributes(tsa.certificate, digest(hash, tstInfo), hash, oid.tstInfo);
      const signerInfo = await buildSignerInfo(tsa.key, tsa.certificate, hash, signedAttrs);
      return signedDataContentInfo(
        hash,
        encap,
        opts?.certReq === false ? [] : [tsa.certificate, ...chain],
        signerInfo,
        3,
      );
    },
  };
  return self;
}
