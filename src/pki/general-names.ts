import net from 'node:net';
import { TekenError } from '../errors/teken-error.js';

/** A subject alternative name entry as Teken handles them. */
export interface AltName {
  type: 'dns' | 'ip' | 'email' | 'uri';
  value: string;
}

const dnsLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Checks one SAN value for its type; throws ERR_INPUT_INVALID with a clear reason. */
export function validateAltName(name: AltName): AltName {
  const value = name.value.trim();
  switch (name.type) {
    case 'dns': {
      const lower = value.toLowerCase();
      const labels = lower.split('.');
      const wildcard = labels[0] === '*';
      if (
        lower.length > 253 ||
        labels.length < 2 ||
        !(wildcard ? labels.slice(1) : labels).every((l) => dnsLabel.test(l)) ||
        /^\d+$/.test(labels[labels.length - 1]!)
      ) {
        throw new TekenError('ERR_INPUT_INVALID', `"${value}" is not a valid DNS name.`);
      }
      return { type: 'dns', value: lower };
    }
    case 'ip':
      if (net.isIP(value) === 0)
        throw new TekenError('ERR_INPUT_INVALID', `"${value}" is not an IP address.`);
      return { type: 'ip', value };
    case 'email':
      if (!/^[^\s@"(),:;<>[\\\]]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63}$/i.test(value)) {
        throw new TekenError('ERR_INPUT_INVALID', `"${value}" is not an e-mail address.`);
      }
      return { type: 'email', value };
    case 'uri':
      try {
        const url = new URL(value);
        if (!/^(https?|urn):$/.test(url.protocol)) throw new Error('scheme');
      } catch {
        throw new TekenError('ERR_INPUT_INVALID', `"${value}" is not an http(s) or urn URI.`);
      }
      return { type: 'uri', value };
  }
}

/** Parses the CLI spelling "dns:a.example,ip:10.0.0.1,email:x@y.id". */
export function parseAltNameList(text: string): AltName[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((item) => {
      const colon = item.indexOf(':');
      const type = item.slice(0, colon).toLowerCase();
      const value = item.slice(colon + 1);
      if (colon <= 0 || !['dns', 'ip', 'email', 'uri'].includes(type)) {
        throw new TekenError(
          'ERR_INPUT_INVALID',
          `"${item}" must be written dns:<name>, ip:<address>, email:<address> or uri:<uri>.`,
        );
      }
      return validateAltName({ type: type as AltName['type'], value });
    });
}
