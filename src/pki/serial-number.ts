import crypto from 'node:crypto';

/**
 * Serial numbers: 20 bytes from the CSPRNG, positive (top bit clear) and with a non-zero first
 * byte so that the DER INTEGER is always exactly 20 content bytes (RFC 5280 4.1.2.2 allows at most
 * 20; CA/B Forum asks for at least 64 random bits, we give 159).
 */
export function randomSerial(): Uint8Array {
  const bytes = crypto.randomBytes(20);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return new Uint8Array(bytes);
}

/**
 * Our one spelling of a serial number: lower-case hex of the INTEGER value, no leading zeros
 * beyond byte alignment (OpenSSL prints the same digits in upper case).
 */
export function serialToHex(integerContent: Uint8Array): string {
  let start = 0;
  while (start < integerContent.length - 1 && integerContent[start] === 0) start++;
  return Buffer.from(integerContent.subarray(start)).toString('hex');
}

/** Normalises a serial as an operator may type it (any case, colons, 0x, odd length). */
export function normaliseSerialHex(input: string): string | undefined {
  let hex = input.trim().toLowerCase().replace(/^0x/, '').replace(/:/g, '');
  if (!/^[0-9a-f]{1,40}$/.test(hex)) return undefined;
  hex = hex.replace(/^0+(?=.)/, '');
  if (hex.length % 2 === 1) hex = '0' + hex;
  return hex;
}

/** DER INTEGER content bytes for a (positive) serial in our hex spelling. */
export function serialHexToInteger(hex: string): Uint8Array {
  const bytes = Buffer.from(hex, 'hex');
  return bytes.length > 0 && bytes[0]! & 0x80
    ? new Uint8Array(Buffer.concat([Buffer.from([0]), bytes]))
    : new Uint8Array(bytes);
}
