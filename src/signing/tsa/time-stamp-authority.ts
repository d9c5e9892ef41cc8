/**
 * The time-stamping authority (RFC 3161): one TSA unit, the delegated signer that the CA core
 * issues and renews under the seal CA (authority/delegated-signers.ts), signing time-stamp tokens
 * for `POST /tsa` and for the PAdES signer's B-T and B-LTA time-stamps.
 *
 * The cycle of one token, after the issuance cycle (docs/signing.md, "Time-stamping"):
 *   1. check   the unit: a certificate, unexpired past genTime + accuracy, its CA not revoked;
 *   2. record  serial, genTime, policy and message imprint in `time_stamp_tokens`, in one
 *              statement that also refuses a unit whose certificate is revoked (on any instance,
 *              at once); concurrent tokens share the statement (db/group-commit.ts);
 *   3. sign    the TSTInfo (pki/tsp.ts) and return the token.
 * Nothing is signed that is not recorded first; a crash after 2 leaves a recorded serial without a
 * token, which harms no one. The record holds the digest only, never the document.
 */
import { sql } from 'drizzle-orm';
import type { CaRegistry } from '../../authority/ca-registry.js';
import { signerSpecs } from '../../authority/delegated-signers.js';
import type { Config } from '../../config/load-config.js';
import { GroupCommit } from '../../db/group-commit.js';
import type { Db } from '../../db/open-database.js';
import { timeStampTokens } from '../../db/schema.js';
import { isTekenError, TekenError } from '../../errors/teken-error.js';
import { randomSerial, serialToHex } from '../../pki/serial-number.js';
import {
  buildTimeStampToken,
  grantedResponse,
  nonceOctets,
  parseTimeStampRequest,
  rejectionResponse,
  type TspFailure,
  type TspHashAlgorithm,
  type TsaUnit,
} from '../../pki/tsp.js';

export interface TimeStampOptions {
  /** Put the TSA certificate into the token (RFC 3161 certReq); PAdES B-T wants it. Default true. */
  certReq?: boolean;
  nonce?: bigint;
}

/** What `respond` answered: `granted`, or the failure of a rejection. */
export type TsaOutcome = 'granted' | TspFailure;

export interface TimeStamperHooks {
  answered?(outcome: TsaOutcome): void;
}

export interface TimeStamper {
  /**
   * A TimeStampToken (the CMS ContentInfo, DER) over `digest`, the `hash` of the datum; the PAdES
   * signer puts exactly these bytes into the signature's unsigned attributes. Throws
   * ERR_TSA_UNAVAILABLE when the unit cannot sign, ERR_INPUT_INVALID for a digest of the wrong length.
   *
   * @example
   * const token = await rt.tsa.timestamp(crypto.createHash('sha256').update(signatureValue).digest(), 'sha256');
   */
  timestamp(digest: Uint8Array, hash: TspHashAlgorithm, opts?: TimeStampOptions): Promise<Uint8Array>;
  /**
   * The TimeStampResp (DER) to a DER TimeStampReq: granted with a token, or a rejection with its
   * PKIFailureInfo (badDataFormat, badAlg, unacceptedPolicy, unacceptedExtension, systemFailure).
   * Never throws.
   */
  respond(requestDer: Uint8Array): Promise<Uint8Array>;
  /** The TSA unit certificate (DER) tokens are signed with now, for the repository's /ca/tsa.crt. */
  certificate(): Promise<Uint8Array | undefined>;
  /** Observers (metrics). */
  observe(hooks: TimeStamperHooks): void;
}

export interface TimeStamperDeps {
  db: Db;
  registry: CaRegistry;
  config: Config;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** The CA that issues the TSA unit's certificate. */
const tsaCaId = signerSpecs.find((s) => s.purpose === 'tsa')!.caId;

const digestLengths: Record<TspHashAlgorithm, number> = { sha256: 32, sha384: 48, sha512: 64 };

interface TokenRecord {
  serial: string;
  signerSerial: string;
  genTime: Date;
  policy: string;
  hashAlgorithm: TspHashAlgorithm;
  digest: Uint8Array;
}

/** Writes a batch of records; true for each one written (false: the unit is revoked, or a serial repeats). */
async function recordTokens(db: Db, records: TokenRecord[]): Promise<boolean[]> {
  const rows = JSON.stringify(
    records.map((r) => ({
      serial: r.serial,
      signer_serial: r.signerSerial,
      gen_time: r.genTime.toISOString(),
      policy: r.policy,
      hash_algorithm: r.hashAlgorithm,
      digest: Buffer.from(r.digest).toString('hex'),
    })),
  );
  const result = await db.execute(sql`
    insert into ${timeStampTokens} (serial, signer_serial, gen_time, policy, hash_algorithm, digest)
    select t.serial, t.signer_serial, t.gen_time, t.policy, t.hash_algorithm, decode(t.digest, 'hex')
    from json_to_recordset(${rows}::json)
      as t(serial text, signer_serial text, gen_time timestamptz, policy text, hash_algorithm text, digest text)
    where exists (
      select 1 from certificates c
      where c.authority_id = ${tsaCaId} and c.serial = t.signer_serial
        and c.status = 'issued' and c.revoked_at is null)
    on conflict (serial) do nothing
    returning serial`);
  const written = new Set((result as { rows: { serial: string }[] }).rows.map((r) => r.serial));
  return records.map((r) => written.has(r.serial));
}

function unavailable(message: string): TekenError {
  return new TekenError('ERR_TSA_UNAVAILABLE', message);
}

export function createTimeStamper(deps: TimeStamperDeps): TimeStamper {
  const { db, registry, config, log } = deps;
  const { policyOid: policy, accuracyMs } = config.tsa;
  const records = new GroupCommit((batch: TokenRecord[]) => recordTokens(db, batch), 128, 2);
  const hooks: TimeStamperHooks[] = [];

  /** Step 1: the unit, if it may sign a token of time `genTime`. */
  const usableUnit = async (genTime: Date): Promise<TsaUnit & { serial: string }> => {
    await registry.ensureLoaded();
    const ca = await registry.get(tsaCaId).catch((error: unknown) => {
      throw unavailable(`The ${tsaCaId} CA is not available: ${(error as Error).message}`);
    });
    if (ca.revoked) throw unavailable(`The ${tsaCaId} CA that certifies the TSA unit has been revoked.`);
    const unit = ca.tsa;
    if (!unit) throw unavailable('There is no TSA unit yet: run `teken ca init`.');
    // The token's time, give or take its accuracy, must fall within the unit's certificate.
    if (unit.notAfter.getTime() <= genTime.getTime() + accuracyMs)
      throw unavailable(
        `The TSA unit certificate ended ${unit.notAfter.toISOString()}: run \`teken ca renew-signer ${tsaCaId} tsa\`.`,
      );
    return { key: unit.key, certificateDer: unit.certificateDer, serial: unit.serial };
  };

  const issue = async (
    hashAlgorithm: TspHashAlgorithm,
    digest: Uint8Array,
    nonce: Uint8Array | undefined,
    certReq: boolean,
  ): Promise<Uint8Array> => {
    // A serial that repeats (never, with 159 random bits) is simply not written: a second try.
    for (let attempt = 0; attempt < 2; attempt++) {
      // Whole milliseconds: the GeneralizedTime of the token and the stored time are the same.
      const genTime = new Date();
      const unit = await usableUnit(genTime);
      const serial = randomSerial();
      const serialHex = serialToHex(serial);
      const recorded = await records.add({
        serial: serialHex,
        signerSerial: unit.serial,
        genTime,
        policy,
        hashAlgorithm,
        digest,
      });
      if (!recorded) continue;
      return buildTimeStampToken(
        unit,
        { policy, hashAlgorithm, digest, serial, genTime, accuracyMs, ...(nonce ? { nonce } : {}) },
        certReq,
      );
    }
    throw unavailable(
      'The TSA unit certificate has been revoked: run `teken ca renew-signer seal tsa --force`.',
    );
  };

  const tell = (outcome: TsaOutcome) => {
    for (const h of hooks) h.answered?.(outcome);
  };

  return {
    async timestamp(digest, hash, opts = {}) {
      if (!(hash in digestLengths) || digest.length !== digestLengths[hash])
        throw new TekenError('ERR_INPUT_INVALID', `A ${hash} digest has ${digestLengths[hash]} octets.`);
      return issue(
        hash,
        new Uint8Array(digest),
        opts.nonce === undefined ? undefined : nonceOctets(opts.nonce),
        opts.certReq ?? true,
      );
    },

    async respond(requestDer) {
      const parsed = parseTimeStampRequest(requestDer, { policy });
      if (!parsed.ok) {
        tell(parsed.failure);
        return rejectionResponse(parsed.failure, parsed.text);
      }
      const { request } = parsed;
      try {
        const token = await issue(request.hashAlgorithm, request.digest, request.nonce, request.certReq);
        tell('granted');
        return grantedResponse(token);
      } catch (error) {
        if (isTekenError(error, 'ERR_TSA_UNAVAILABLE')) log.warn({ err: error }, 'time-stamp refused');
        else log.error({ err: error }, 'time-stamp failed');
        tell('systemFailure');
        // The reason stays in the log; the client learns that the TSA cannot answer now.
        return rejectionResponse('systemFailure', 'The time-stamping unit is not available.');
      }
    },

    async certificate() {
      await registry.ensureLoaded();
      return registry.all().find((ca) => ca.id === tsaCaId)?.tsa?.certificateDer;
    },

    observe(h) {
      hooks.push(h);
    },
  };
}
