import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { ECDSASigValue, ECParameters, id_secp256r1, id_secp384r1 } from '@peculiar/asn1-ecc';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import pkcs11js from 'pkcs11js';
import type { Mechanism, PKCS11, Template } from 'pkcs11js';
import { TekenError } from '../errors/teken-error.js';
import { signatureAlgorithmOf, type KeyAlgorithm } from '../pki/signer.js';
import type { KeyBackend, KeyRecord, SigningKey } from './key-backend.js';
import type { OuterLayer } from './subscriber-key-seal.js';

/**
 * The `pkcs11` key backend: CA, OCSP responder and TSA keys generated and kept inside an HSM, reached
 * through its PKCS#11 module (the vendor library, or SoftHSM2 for trying it). See docs/hsm.md.
 *
 * - Keys are token objects; the private key is CKA_SENSITIVE, not CKA_EXTRACTABLE, CKA_SIGN only.
 *   The record's `handle` is the hex CKA_ID (16 random bytes) that finds the key again.
 * - RSA signs with CKM_SHA256_RSA_PKCS; ECDSA hashes in Node (SHA-256 for P-256, SHA-384 for P-384),
 *   signs with CKM_ECDSA and turns the raw r||s into a DER ECDSA-Sig-Value.
 * - PKCS#11 sessions are not thread-safe: every operation checks a session out of a small pool, so
 *   no two operations ever share one. C_Sign and C_GenerateKeyPair run through pkcs11js's async
 *   variants on libuv's thread pool, off the event loop; the short calls around them (C_SignInit,
 *   C_FindObjects, C_GetAttributeValue) are synchronous. Waiting for a session and each operation
 *   are bounded by timeouts, so a hung HSM gives an error instead of a request that never ends.
 * - Several backends in one process may use the same module and token: the module is initialised
 *   once (with CKF_OS_LOCKING_OK) and finalised by the last one to close; the token login, which
 *   PKCS#11 shares between all sessions of a process, is counted the same way.
 */

export interface Pkcs11Options {
  /** Path of the PKCS#11 module (TEKEN_PKCS11_LIBRARY). */
  library: string;
  /** Label of the token holding Teken's keys (TEKEN_PKCS11_TOKEN_LABEL). */
  tokenLabel: string;
  /** User PIN of that token (TEKEN_PKCS11_PIN). Never logged nor put in error messages. */
  pin: string;
  /** Most sessions open at once, i.e. concurrent operations (default 4). */
  sessions?: number;
  /** Limit of a signature, including the wait for a free session, in ms (default 30 s). */
  timeoutMs?: number;
  /** Limit of a key generation in ms (default 5 min: RSA-4096 can be slow on small HSMs). */
  generateTimeoutMs?: number;
}

/** The security attributes of a key's private object, as the token reports them. */
export interface Pkcs11KeyInfo {
  label: string;
  idHex: string;
  token: boolean;
  private: boolean;
  sensitive: boolean;
  extractable: boolean;
  alwaysSensitive: boolean;
  neverExtractable: boolean;
  sign: boolean;
}

type Handle = Buffer;

const defaultSessions = 4;
const defaultTimeoutMs = 30_000;
const defaultGenerateTimeoutMs = 300_000;

const curves = {
  p256: { oid: id_secp256r1, crv: 'P-256', size: 32 },
  p384: { oid: id_secp384r1, crv: 'P-384', size: 48 },
} as const;

function isRsa(algorithm: KeyAlgorithm): algorithm is 'rsa2048' | 'rsa3072' | 'rsa4096' {
  return algorithm.startsWith('rsa');
}

function rsaBits(algorithm: 'rsa2048' | 'rsa3072' | 'rsa4096'): number {
  return Number(algorithm.slice(3));
}

/** CKA_EC_PARAMS of a named curve: the DER of ECParameters { namedCurve }. */
function ecParams(algorithm: 'p256' | 'p384'): Buffer {
  return Buffer.from(AsnConvert.serialize(new ECParameters({ namedCurve: curves[algorithm].oid })));
}

/** The CKR_* name of a PKCS#11 error, if it is one. */
function ckr(error: unknown): string | undefined {
  return error instanceof Error ? /CKR_[A-Z0-9_]+/.exec(error.message)?.[0] : undefined;
}

/** Errors after which a session is not worth returning to the pool. */
const brokenSession = new Set([
  'CKR_SESSION_HANDLE_INVALID',
  'CKR_SESSION_CLOSED',
  'CKR_DEVICE_REMOVED',
  'CKR_DEVICE_ERROR',
  'CKR_TOKEN_NOT_PRESENT',
  'CKR_OPERATION_ACTIVE',
]);

const staleHandle = new Set(['CKR_OBJECT_HANDLE_INVALID', 'CKR_KEY_HANDLE_INVALID']);

function backendError(message: string, cause?: unknown): TekenError {
  if (cause instanceof TekenError) return cause;
  const code = ckr(cause);
  return new TekenError(
    'ERR_KEY_BACKEND',
    code ? `${message} (${code}).` : `${message}.`,
    cause === undefined ? undefined : { cause },
  );
}

/** CK_ULONG attribute values come in the platform's size and byte order. */
function readUlong(value: Buffer): number {
  const le = os.endianness() === 'LE';
  if (value.length === 8) return Number(le ? value.readBigUInt64LE() : value.readBigUInt64BE());
  if (value.length === 4) return le ? value.readUInt32LE() : value.readUInt32BE();
  return -1;
}

function readBool(value: Buffer | undefined): boolean {
  return value !== undefined && value.length > 0 && value[0] !== 0;
}

function base64url(bytes: Uint8Array): string {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return Buffer.from(bytes.subarray(start)).toString('base64url');
}

/** A big-endian unsigned integer as the minimal positive INTEGER content octets. */
function positiveInteger(bytes: Uint8Array): ArrayBuffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const out = new Uint8Array(trimmed.length + ((trimmed[0] ?? 0) & 0x80 ? 1 : 0));
  out.set(trimmed, out.length - trimmed.length);
  return out.buffer;
}

/** CKA_EC_POINT: PKCS#11 says DER OCTET STRING (SoftHSM does so); some modules return it raw. */
function decodeEcPoint(value: Buffer, size: number): Buffer {
  if (value.length === 1 + 2 * size && value[0] === 0x04) return value;
  try {
    return Buffer.from(AsnConvert.parse(value, OctetString).buffer);
  } catch (error) {
    throw backendError('The token returned an EC point that is not an OCTET STRING', error);
  }
}

/** SubjectPublicKeyInfo DER from the public parts the token reports, via Node's JWK import. */
function spkiFromAttributes(
  algorithm: KeyAlgorithm,
  attrs: { modulus?: Buffer; exponent?: Buffer; ecPoint?: Buffer },
): Uint8Array {
  let jwk: crypto.JsonWebKey;
  if (isRsa(algorithm)) {
    if (!attrs.modulus || !attrs.exponent)
      throw backendError('The token did not return the RSA modulus and exponent');
    jwk = { kty: 'RSA', n: base64url(attrs.modulus), e: base64url(attrs.exponent) };
  } else {
    if (!attrs.ecPoint) throw backendError('The token did not return the EC point');
    const { crv, size } = curves[algorithm];
    const point = decodeEcPoint(attrs.ecPoint, size);
    if (point.length !== 1 + 2 * size || point[0] !== 0x04)
      throw backendError(`The token returned an EC point that is not an uncompressed ${crv} point`);
    jwk = {
      kty: 'EC',
      crv,
      x: point.subarray(1, 1 + size).toString('base64url'),
      y: point.subarray(1 + size).toString('base64url'),
    };
  }
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  if (isRsa(algorithm) && key.asymmetricKeyDetails?.modulusLength !== rsaBits(algorithm))
    throw backendError(
      `The token's key has ${key.asymmetricKeyDetails?.modulusLength} bits, not ${rsaBits(algorithm)}`,
    );
  return new Uint8Array(key.export({ type: 'spki', format: 'der' }));
}

// --- Process-wide state: one initialisation per module, one login per token -------------------

interface TokenLogin {
  refs: number;
  /** HMAC of the PIN the login was made with: a second backend must present the same PIN. */
  readonly pinMac: Buffer;
  /** Whether we logged in (and so log out); false when someone else in the process had. */
  readonly ours: boolean;
}

interface LoadedModule {
  readonly path: string;
  readonly lib: PKCS11;
  refs: number;
  /** Calls still running inside the module after their timeout: it is not finalised under them. */
  busy: number;
  /** Whether we called C_Initialize (and so C_Finalize). */
  readonly initialized: boolean;
  readonly logins: Map<string, TokenLogin>;
}

const modules = new Map<string, LoadedModule>();
const pinMacKey = crypto.randomBytes(32);

function pinMac(pin: string): Buffer {
  return crypto.createHmac('sha256', pinMacKey).update(pin, 'utf8').digest();
}

function acquireModule(library: string): LoadedModule {
  let path: string;
  try {
    path = fs.realpathSync(library);
  } catch (error) {
    throw backendError(`The PKCS#11 module ${library} does not exist`, error);
  }
  const existing = modules.get(path);
  if (existing) {
    existing.refs++;
    return existing;
  }
  const lib = new pkcs11js.PKCS11();
  try {
    lib.load(path);
  } catch (error) {
    throw backendError(`Cannot load the PKCS#11 module ${library}: ${(error as Error).message}`);
  }
  let initialized = true;
  try {
    // Operations run on libuv's worker threads: the module must do its own locking.
    lib.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  } catch (error) {
    if (ckr(error) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
      lib.close();
      throw backendError(`Cannot initialise the PKCS#11 module ${library}`, error);
    }
    initialized = false;
  }
  const loaded: LoadedModule = { path, lib, refs: 1, busy: 0, initialized, logins: new Map() };
  modules.set(path, loaded);
  return loaded;
}

function releaseModule(module: LoadedModule): void {
  module.refs--;
  finalizeIfUnused(module);
}

/** Finalises a module nobody holds, once no timed-out call is left running inside it. */
function finalizeIfUnused(module: LoadedModule): void {
  if (module.refs > 0 || module.busy > 0 || modules.get(module.path) !== module) return;
  modules.delete(module.path);
  if (!module.initialized) return;
  try {
    module.lib.C_Finalize();
    module.lib.close();
  } catch {
    // Nothing useful left to do with a module that will not finalise.
  }
}

function findSlot(lib: PKCS11, tokenLabel: string, library: string): Handle {
  let slots: Handle[];
  try {
    slots = lib.C_GetSlotList(true);
  } catch (error) {
    throw backendError(`Cannot list the slots of the PKCS#11 module ${library}`, error);
  }
  const labels: string[] = [];
  const matches: Handle[] = [];
  for (const slot of slots) {
    const info = lib.C_GetTokenInfo(slot);
    if ((info.flags & pkcs11js.CKF_TOKEN_INITIALIZED) === 0) continue;
    const label = info.label.replace(/[\s\0]+$/, '');
    labels.push(label);
    if (label === tokenLabel) matches.push(slot);
  }
  const [slot, ...others] = matches;
  if (!slot) {
    const present = labels.length ? labels.map((l) => JSON.stringify(l)).join(', ') : 'none';
    throw new TekenError(
      'ERR_KEY_BACKEND',
      `No PKCS#11 token labelled ${JSON.stringify(tokenLabel)} in ${library} (initialised tokens: ${present}).`,
    );
  }
  if (others.length > 0)
    throw new TekenError(
      'ERR_KEY_BACKEND',
      `${matches.length} PKCS#11 tokens in ${library} are labelled ${JSON.stringify(tokenLabel)}; labels must be unique.`,
    );
  return slot;
}

// --- Timeouts -----------------------------------------------------------------------------------

function withTimeout<T>(work: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new TekenError('ERR_KEY_BACKEND', `The HSM did not complete ${what} within ${ms} ms.`));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

interface Waiter {
  resolve(session: Handle): void;
  reject(error: Error): void;
}

// --- The backend ---------------------------------------------------------------------------------

export class Pkcs11KeyBackend implements KeyBackend {
  readonly name = 'pkcs11' as const;
  readonly #module: LoadedModule;
  readonly #lib: PKCS11;
  readonly #slot: Handle;
  readonly #slotKey: string;
  readonly #tokenLabel: string;
  readonly #maxSessions: number;
  readonly #timeoutMs: number;
  readonly #generateTimeoutMs: number;
  /** Sessions we opened and have not closed, idle or in use (or stuck in a timed-out call). */
  readonly #sessions = new Set<Handle>();
  readonly #idle: Handle[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #running = new Set<Promise<unknown>>();
  #loggedIn = false;
  #closed = false;

  private constructor(module: LoadedModule, slot: Handle, options: Pkcs11Options) {
    this.#module = module;
    this.#lib = module.lib;
    this.#slot = slot;
    this.#slotKey = slot.toString('hex');
    this.#tokenLabel = options.tokenLabel;
    this.#maxSessions = Math.max(1, Math.floor(options.sessions ?? defaultSessions));
    this.#timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.#generateTimeoutMs = options.generateTimeoutMs ?? defaultGenerateTimeoutMs;
  }

  /**
   * Loads the module, finds the token by label, opens a R/W session and logs in as user.
   * @throws TekenError ERR_KEY_BACKEND when the module, the token or the PIN is not right.
   */
  static open(options: Pkcs11Options): Promise<Pkcs11KeyBackend> {
    if (!options.pin) {
      return Promise.reject(
        new TekenError('ERR_KEY_BACKEND', 'No PKCS#11 user PIN given: set TEKEN_PKCS11_PIN.'),
      );
    }
    let module: LoadedModule;
    try {
      module = acquireModule(options.library);
    } catch (error) {
      return Promise.reject(backendError('Cannot open the PKCS#11 module', error));
    }
    let backend: Pkcs11KeyBackend | undefined;
    try {
      const slot = findSlot(module.lib, options.tokenLabel, options.library);
      backend = new Pkcs11KeyBackend(module, slot, options);
      backend.#login(options.pin);
      return Promise.resolve(backend);
    } catch (error) {
      if (backend) backend.#closeSessions();
      releaseModule(module);
      return Promise.reject(backendError('Cannot open the PKCS#11 token', error));
    }
  }

  #login(pin: string): void {
    const session = this.#openSession();
    this.#idle.push(session);
    const mac = pinMac(pin);
    const shared = this.#module.logins.get(this.#slotKey);
    if (shared) {
      // The token is already logged in for this process; C_Login would not check the PIN again.
      if (!crypto.timingSafeEqual(shared.pinMac, mac))
        throw new TekenError(
          'ERR_KEY_BACKEND',
          `The PIN for PKCS#11 token ${JSON.stringify(this.#tokenLabel)} was rejected.`,
        );
      shared.refs++;
      this.#loggedIn = true;
      return;
    }
    let ours = true;
    try {
      this.#lib.C_Login(session, pkcs11js.CKU_USER, pin);
    } catch (error) {
      const code = ckr(error);
      const token = `PKCS#11 token ${JSON.stringify(this.#tokenLabel)}`;
      if (code === 'CKR_USER_ALREADY_LOGGED_IN') {
        ours = false; // Logged in by other code in this process, outside this backend.
      } else if (code === 'CKR_PIN_INCORRECT' || code === 'CKR_PIN_INVALID' || code === 'CKR_PIN_LEN_RANGE') {
        throw new TekenError('ERR_KEY_BACKEND', `The PIN for ${token} was rejected (${code}).`, {
          cause: error,
        });
      } else if (code === 'CKR_PIN_LOCKED') {
        throw new TekenError('ERR_KEY_BACKEND', `The user PIN of ${token} is locked (${code}).`, {
          cause: error,
        });
      } else {
        throw backendError(`Cannot log in to ${token}`, error);
      }
    }
    this.#module.logins.set(this.#slotKey, { refs: 1, pinMac: mac, ours });
    this.#loggedIn = true;
  }

  #openSession(): Handle {
    const session = this.#lib.C_OpenSession(
      this.#slot,
      pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION,
    );
    this.#sessions.add(session);
    return session;
  }

  #discard(session: Handle): void {
    this.#sessions.delete(session);
    try {
      this.#lib.C_CloseSession(session);
    } catch {
      // Already gone with the device.
    }
    // A waiter may now open a fresh session in its place.
    const waiter = this.#waiters.shift();
    if (waiter) this.#handOut(waiter);
  }

  #release(session: Handle): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve(session);
    else this.#idle.push(session);
  }

  #handOut(waiter: Waiter): void {
    try {
      waiter.resolve(this.#openSession());
    } catch (error) {
      waiter.reject(backendError('Cannot open a PKCS#11 session', error));
    }
  }

  #acquire(what: string): Promise<Handle> {
    if (this.#closed)
      return Promise.reject(new TekenError('ERR_KEY_BACKEND', 'The PKCS#11 key backend is closed.'));
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(idle);
    return new Promise<Handle>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      if (this.#sessions.size < this.#maxSessions) {
        this.#handOut(waiter);
        return;
      }
      const timer = setTimeout(() => {
        const at = this.#waiters.indexOf(waiter);
        if (at >= 0) this.#waiters.splice(at, 1);
        reject(
          new TekenError(
            'ERR_KEY_BACKEND',
            `No PKCS#11 session became free for ${what} within ${this.#timeoutMs} ms: the HSM is busy or hung.`,
          ),
        );
      }, this.#timeoutMs);
      this.#waiters.push({
        resolve: (session) => {
          clearTimeout(timer);
          resolve(session);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** Runs `fn` with a session of its own, within `timeoutMs` (waiting for the session included). */
  #withSession<T>(what: string, timeoutMs: number, fn: (session: Handle) => T | Promise<T>): Promise<T> {
    const started = Date.now();
    const run = async (): Promise<T> => {
      const session = await this.#acquire(what);
      const work = Promise.resolve().then(() => fn(session));
      let timedOut = false;
      try {
        const remaining = Math.max(1, timeoutMs - (Date.now() - started));
        const result = await withTimeout(work, remaining, what, () => {
          timedOut = true;
        });
        this.#release(session);
        return result;
      } catch (error) {
        if (timedOut) {
          // The call is still running in the module: close its session only once it returns.
          const module = this.#module;
          module.busy++;
          const done = () => {
            this.#discard(session);
            module.busy--;
            finalizeIfUnused(module);
          };
          work.then(done, done);
        } else if (brokenSession.has(ckr(error) ?? '')) {
          this.#discard(session);
        } else {
          this.#release(session);
        }
        throw backendError(`PKCS#11 ${what} failed`, error);
      }
    };
    const promise = run();
    this.#running.add(promise);
    const forget = () => this.#running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  #find(session: Handle, template: Template): Handle[] {
    this.#lib.C_FindObjectsInit(session, template);
    try {
      return this.#lib.C_FindObjects(session, 2);
    } finally {
      this.#lib.C_FindObjectsFinal(session);
    }
  }

  #attributes(session: Handle, object: Handle, types: number[]): Map<number, Buffer> {
    const result = this.#lib.C_GetAttributeValue(
      session,
      object,
      types.map((type) => ({ type })),
    );
    return new Map(result.map((a) => [a.type, a.value]));
  }

  #publicKeyDer(session: Handle, object: Handle, algorithm: KeyAlgorithm): Uint8Array {
    if (isRsa(algorithm)) {
      const a = this.#attributes(session, object, [pkcs11js.CKA_MODULUS, pkcs11js.CKA_PUBLIC_EXPONENT]);
      return spkiFromAttributes(algorithm, {
        modulus: a.get(pkcs11js.CKA_MODULUS),
        exponent: a.get(pkcs11js.CKA_PUBLIC_EXPONENT),
      });
    }
    const a = this.#attributes(session, object, [pkcs11js.CKA_EC_POINT]);
    return spkiFromAttributes(algorithm, { ecPoint: a.get(pkcs11js.CKA_EC_POINT) });
  }

  #findPrivateKey(session: Handle, id: Buffer, record: { id: string }): Handle {
    const found = this.#find(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: id },
    ]);
    const [key, ...others] = found;
    if (!key)
      throw new TekenError(
        'ERR_KEY_NOT_FOUND',
        `Key ${record.id} (CKA_ID ${id.toString('hex')}) is not in PKCS#11 token ${JSON.stringify(this.#tokenLabel)}.`,
      );
    if (others.length > 0)
      throw new TekenError(
        'ERR_KEY_BACKEND',
        `Several private keys in PKCS#11 token ${JSON.stringify(this.#tokenLabel)} have CKA_ID ${id.toString('hex')}.`,
      );
    return key;
  }

  generate(algorithm: KeyAlgorithm, label: string): Promise<{ record: KeyRecord; key: SigningKey }> {
    const keyId = crypto.randomBytes(16);
    const common: Template = [
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_ID, value: keyId },
      { type: pkcs11js.CKA_LABEL, value: label },
    ];
    let mechanism: Mechanism;
    let publicTemplate: Template;
    let privateTemplate: Template = [
      ...common,
      { type: pkcs11js.CKA_PRIVATE, value: true },
      { type: pkcs11js.CKA_SENSITIVE, value: true },
      { type: pkcs11js.CKA_EXTRACTABLE, value: false },
      { type: pkcs11js.CKA_SIGN, value: true },
    ];
    if (isRsa(algorithm)) {
      mechanism = { mechanism: pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN };
      publicTemplate = [
        ...common,
        { type: pkcs11js.CKA_VERIFY, value: true },
        { type: pkcs11js.CKA_ENCRYPT, value: false },
        { type: pkcs11js.CKA_WRAP, value: false },
        { type: pkcs11js.CKA_MODULUS_BITS, value: rsaBits(algorithm) },
        { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: Buffer.from([0x01, 0x00, 0x01]) },
      ];
      privateTemplate = [
        ...privateTemplate,
        { type: pkcs11js.CKA_DECRYPT, value: false },
        { type: pkcs11js.CKA_UNWRAP, value: false },
      ];
    } else {
      mechanism = { mechanism: pkcs11js.CKM_EC_KEY_PAIR_GEN };
      publicTemplate = [
        ...common,
        { type: pkcs11js.CKA_VERIFY, value: true },
        { type: pkcs11js.CKA_EC_PARAMS, value: ecParams(algorithm) },
      ];
      privateTemplate = [
        ...privateTemplate,
        { type: pkcs11js.CKA_DECRYPT, value: false },
        { type: pkcs11js.CKA_UNWRAP, value: false },
        { type: pkcs11js.CKA_DERIVE, value: false },
      ];
    }
    return this.#withSession('key generation', this.#generateTimeoutMs, async (session) => {
      const pair = await this.#lib.C_GenerateKeyPairAsync(
        session,
        mechanism,
        publicTemplate,
        privateTemplate,
      );
      let publicKey: Uint8Array;
      try {
        publicKey = this.#publicKeyDer(session, pair.publicKey, algorithm);
      } catch (error) {
        for (const object of [pair.privateKey, pair.publicKey]) {
          try {
            this.#lib.C_DestroyObject(session, object);
          } catch {
            // Best effort: the pair is unusable anyway.
          }
        }
        throw error;
      }
      const record: KeyRecord = {
        id: crypto.randomUUID(),
        backend: 'pkcs11',
        algorithm,
        label,
        publicKey,
        wrappedPrivateKey: null,
        handle: keyId.toString('hex'),
      };
      return { record, key: this.#signer(record, keyId, pair.privateKey) };
    });
  }

  load(record: KeyRecord): Promise<SigningKey> {
    if (record.backend !== 'pkcs11' || !record.handle || !/^(?:[0-9a-f]{2})+$/i.test(record.handle)) {
      return Promise.reject(
        new TekenError('ERR_KEY_NOT_FOUND', `Key ${record.id} is not a PKCS#11 key (no CKA_ID).`),
      );
    }
    const keyId = Buffer.from(record.handle, 'hex');
    const algorithm = record.algorithm;
    return this.#withSession('key lookup', this.#timeoutMs, (session) => {
      const privateKey = this.#findPrivateKey(session, keyId, record);
      const a = this.#attributes(session, privateKey, [pkcs11js.CKA_KEY_TYPE, pkcs11js.CKA_SIGN]);
      const keyType = readUlong(a.get(pkcs11js.CKA_KEY_TYPE) ?? Buffer.alloc(0));
      const expected = isRsa(algorithm) ? pkcs11js.CKK_RSA : pkcs11js.CKK_EC;
      if (keyType !== expected || !readBool(a.get(pkcs11js.CKA_SIGN)))
        throw new TekenError(
          'ERR_KEY_BACKEND',
          `The PKCS#11 object of key ${record.id} is not a ${algorithm} signing key.`,
        );
      // The public key must match the stored record: from the public object when the token keeps
      // one, else (RSA) from the private object's public attributes.
      const [publicObject] = this.#find(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
        { type: pkcs11js.CKA_ID, value: keyId },
      ]);
      let actual: Uint8Array | undefined;
      if (publicObject) actual = this.#publicKeyDer(session, publicObject, algorithm);
      else if (isRsa(algorithm)) actual = this.#publicKeyDer(session, privateKey, algorithm);
      else {
        const params = this.#attributes(session, privateKey, [pkcs11js.CKA_EC_PARAMS]);
        if (!params.get(pkcs11js.CKA_EC_PARAMS)?.equals(ecParams(algorithm)))
          throw new TekenError('ERR_KEY_BACKEND', `Key ${record.id} is not on the ${algorithm} curve.`);
      }
      if (actual && Buffer.compare(Buffer.from(actual), Buffer.from(record.publicKey)) !== 0)
        throw new TekenError('ERR_KEY_BACKEND', `Key ${record.id} does not match its public key.`);
      return this.#signer(record, keyId, privateKey);
    });
  }

  /** The token's security attributes of a key's private object (for checks and `teken` output). */
  describe(record: KeyRecord): Promise<Pkcs11KeyInfo> {
    if (!record.handle || !/^(?:[0-9a-f]{2})+$/i.test(record.handle))
      return Promise.reject(new TekenError('ERR_KEY_NOT_FOUND', `Key ${record.id} has no CKA_ID.`));
    const keyId = Buffer.from(record.handle, 'hex');
    return this.#withSession('key lookup', this.#timeoutMs, (session) => {
      const key = this.#findPrivateKey(session, keyId, record);
      const a = this.#attributes(session, key, [
        pkcs11js.CKA_LABEL,
        pkcs11js.CKA_ID,
        pkcs11js.CKA_TOKEN,
        pkcs11js.CKA_PRIVATE,
        pkcs11js.CKA_SENSITIVE,
        pkcs11js.CKA_EXTRACTABLE,
        pkcs11js.CKA_ALWAYS_SENSITIVE,
        pkcs11js.CKA_NEVER_EXTRACTABLE,
        pkcs11js.CKA_SIGN,
      ]);
      return {
        label: a.get(pkcs11js.CKA_LABEL)?.toString('utf8') ?? '',
        idHex: a.get(pkcs11js.CKA_ID)?.toString('hex') ?? '',
        token: readBool(a.get(pkcs11js.CKA_TOKEN)),
        private: readBool(a.get(pkcs11js.CKA_PRIVATE)),
        sensitive: readBool(a.get(pkcs11js.CKA_SENSITIVE)),
        extractable: readBool(a.get(pkcs11js.CKA_EXTRACTABLE)),
        alwaysSensitive: readBool(a.get(pkcs11js.CKA_ALWAYS_SENSITIVE)),
        neverExtractable: readBool(a.get(pkcs11js.CKA_NEVER_EXTRACTABLE)),
        sign: readBool(a.get(pkcs11js.CKA_SIGN)),
      };
    });
  }

  #signer(record: KeyRecord, keyId: Buffer, privateKey: Handle): SigningKey {
    const { algorithm } = record;
    const hash = signatureAlgorithmOf[algorithm].hash;
    let handle = privateKey;
    const signOnce = async (session: Handle, data: Uint8Array): Promise<Uint8Array> => {
      if (isRsa(algorithm)) {
        this.#lib.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, handle);
        const out = Buffer.alloc(rsaBits(algorithm) / 8);
        return new Uint8Array(await this.#lib.C_SignAsync(session, Buffer.from(data), out));
      }
      const size = curves[algorithm].size;
      const digest = crypto.createHash(hash).update(data).digest();
      this.#lib.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, handle);
      const raw = await this.#lib.C_SignAsync(session, digest, Buffer.alloc(2 * size));
      if (raw.length !== 2 * size)
        throw backendError(`CKM_ECDSA returned ${raw.length} bytes, not ${2 * size}`);
      const value = new ECDSASigValue({
        r: positiveInteger(raw.subarray(0, size)),
        s: positiveInteger(raw.subarray(size)),
      });
      return new Uint8Array(AsnConvert.serialize(value));
    };
    return {
      id: record.id,
      algorithm,
      publicKeyDer: new Uint8Array(record.publicKey),
      sign: (data) =>
        this.#withSession('signing', this.#timeoutMs, async (session) => {
          try {
            return await signOnce(session, data);
          } catch (error) {
            if (!staleHandle.has(ckr(error) ?? '')) throw error;
            // Object handles can change when the token is re-inserted or the module restarted.
            handle = this.#findPrivateKey(session, keyId, record);
            return signOnce(session, data);
          }
        }),
    };
  }

  /**
   * The outer layer of subscribers' keys (keys/subscriber-key-seal.ts) in the HSM: AES-256-GCM
   * under a secret key of the token labelled `label`, generated there on first use (token,
   * private, sensitive, never extractable, encrypt and decrypt only), so the outer layer cannot be
   * opened without the HSM. Each sealed blob names the CKA_ID of the key that sealed it
   * (version 1 | CKA_ID length | CKA_ID | iv (12) | ciphertext and 16-byte tag), so unwrapping
   * finds its key even when two instances each made one at first use; new blobs use the key with
   * the lowest CKA_ID.
   */
  wrappingLayer(label = 'teken-subscriber-key-wrap'): OuterLayer {
    const byId = new Map<string, Handle>();
    const findKeys = (session: Handle): { id: Buffer; handle: Handle }[] => {
      this.#lib.C_FindObjectsInit(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
        { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
        { type: pkcs11js.CKA_LABEL, value: label },
      ]);
      let handles: Handle[];
      try {
        handles = this.#lib.C_FindObjects(session, 16);
      } finally {
        this.#lib.C_FindObjectsFinal(session);
      }
      return handles
        .map((handle) => ({
          handle,
          id: this.#attributes(session, handle, [pkcs11js.CKA_ID]).get(pkcs11js.CKA_ID)!,
        }))
        .filter((k) => k.id && k.id.length > 0)
        .sort((a, b) => Buffer.compare(a.id, b.id));
    };
    const current = (session: Handle): { id: Buffer; handle: Handle } => {
      let keys = findKeys(session);
      if (keys.length === 0) {
        this.#lib.C_GenerateKey(session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
          { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
          { type: pkcs11js.CKA_VALUE_LEN, value: 32 },
          { type: pkcs11js.CKA_TOKEN, value: true },
          { type: pkcs11js.CKA_PRIVATE, value: true },
          { type: pkcs11js.CKA_SENSITIVE, value: true },
          { type: pkcs11js.CKA_EXTRACTABLE, value: false },
          { type: pkcs11js.CKA_ENCRYPT, value: true },
          { type: pkcs11js.CKA_DECRYPT, value: true },
          { type: pkcs11js.CKA_WRAP, value: false },
          { type: pkcs11js.CKA_UNWRAP, value: false },
          { type: pkcs11js.CKA_SIGN, value: false },
          { type: pkcs11js.CKA_LABEL, value: label },
          { type: pkcs11js.CKA_ID, value: crypto.randomBytes(16) },
        ]);
        keys = findKeys(session);
      }
      const first = keys[0];
      if (!first) throw backendError(`no AES key labelled ${label} after generating one`);
      return first;
    };
    const handleOf = (session: Handle, id: Buffer): Handle => {
      const found = findKeys(session).find((k) => k.id.equals(id));
      if (!found)
        throw new TekenError(
          'ERR_KEY_NOT_FOUND',
          `The subscriber-key wrapping key (CKA_ID ${id.toString('hex')}) is not in PKCS#11 token ${JSON.stringify(this.#tokenLabel)}.`,
        );
      return found.handle;
    };
    const gcm = (iv: Buffer, aad: string): Mechanism => {
      const parameter: pkcs11js.AesGCM = {
        type: pkcs11js.CK_PARAMS_AES_GCM,
        iv,
        aad: Buffer.from(aad, 'utf8'),
        ivBits: 96,
        tagBits: 128,
      };
      return { mechanism: pkcs11js.CKM_AES_GCM, parameter };
    };
    return {
      name: 'pkcs11',
      wrap: (inner, aad) =>
        this.#withSession('key wrapping', this.#timeoutMs, async (session) => {
          const key = current(session);
          byId.set(key.id.toString('hex'), key.handle);
          const iv = crypto.randomBytes(12);
          this.#lib.C_EncryptInit(session, gcm(iv, aad), key.handle);
          const body = await this.#lib.C_EncryptAsync(session, inner, Buffer.alloc(inner.length + 16));
          return Buffer.concat([Buffer.from([1, key.id.length]), key.id, iv, body]);
        }),
      unwrap: (sealed, aad) =>
        this.#withSession('key unwrapping', this.#timeoutMs, async (session) => {
          const data = Buffer.from(sealed);
          const idLength = data[1] ?? 0;
          if (data[0] !== 1 || idLength === 0 || data.length < 2 + idLength + 12 + 16 + 1)
            throw new TekenError('ERR_KEY_UNSEAL_FAILED', 'Unknown PKCS#11 outer layer format.');
          const id = data.subarray(2, 2 + idLength);
          const iv = data.subarray(2 + idLength, 14 + idLength);
          const body = data.subarray(14 + idLength);
          const hex = id.toString('hex');
          const attempt = async (handle: Handle) => {
            this.#lib.C_DecryptInit(session, gcm(iv, aad), handle);
            return this.#lib.C_DecryptAsync(session, body, Buffer.alloc(body.length));
          };
          let handle = byId.get(hex) ?? handleOf(session, id);
          try {
            return await attempt(handle);
          } catch (error) {
            if (!staleHandle.has(ckr(error) ?? '')) throw error;
            handle = handleOf(session, id);
            byId.set(hex, handle);
            return attempt(handle);
          }
        }),
    };
  }

  /** Logs out (when no other backend in the process uses the token), closes sessions, finalises. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0))
      waiter.reject(new TekenError('ERR_KEY_BACKEND', 'The PKCS#11 key backend was closed.'));
    // Operations already running end by themselves, at the latest at their timeout.
    await Promise.allSettled([...this.#running]);
    if (this.#loggedIn) {
      this.#loggedIn = false;
      const login = this.#module.logins.get(this.#slotKey);
      if (login && --login.refs === 0) {
        this.#module.logins.delete(this.#slotKey);
        if (login.ours) {
          try {
            const session = this.#idle[0] ?? this.#openSession();
            if (!this.#idle.includes(session)) this.#idle.push(session);
            this.#lib.C_Logout(session);
          } catch {
            // Logged out already, or the device is gone: either way the login is over.
          }
        }
      }
    }
    // Sessions of calls stuck past their timeout are closed when those calls return.
    this.#closeSessions();
    releaseModule(this.#module);
  }

  #closeSessions(): void {
    for (const session of this.#idle.splice(0)) {
      this.#sessions.delete(session);
      try {
        this.#lib.C_CloseSession(session);
      } catch {
        // Closed with the device.
      }
    }
  }
}
