/**
 * The face-match adapter: compares a probe face image (a new selfie) with a reference (the selfie
 * of the registration, or a population-registry photo) and answers a score and a decision. Used by
 * the passphrase reset of the next issue. Contract (docs/registries.md):
 *
 *     POST {TEKEN_FACE_MATCH_URL}/compare      Authorization: Bearer <token>
 *     {"probe": {"type": "image/jpeg", "data": "<base64>"},
 *      "reference": {"type": "image/png", "data": "<base64>"}}
 *     → 200 {"score": 0–100, "match": true|false}
 *
 * The decision is a match only when the service says so AND the score reaches
 * TEKEN_FACE_MATCH_MIN_SCORE. Disabled (null) without a URL; failures are ERR_REGISTRY_UNAVAILABLE
 * through the circuit breaker.
 */
import type { Config } from '../../config/load-config.js';
import { TekenError } from '../../errors/teken-error.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { callRegistry, type RegistryEndpoint } from './http-json.js';

export interface FaceImage {
  type: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
}

export interface FaceMatchResult {
  score: number;
  /** The service's own decision. */
  serviceMatch: boolean;
  /** serviceMatch and score ≥ the configured minimum. */
  match: boolean;
}

export interface FaceMatcher {
  compare(probe: FaceImage, reference: FaceImage): Promise<FaceMatchResult>;
}

const encode = (image: FaceImage) => ({
  type: image.type,
  data: Buffer.from(image.bytes).toString('base64'),
});

export function createFaceMatcher(
  settings: Config['wizard']['faceMatch'],
  breaker: CircuitBreakerOptions = {},
): FaceMatcher | null {
  if (!settings.url) return null;
  const endpoint: RegistryEndpoint = {
    name: 'face-match service',
    url: settings.url,
    token: settings.token,
    timeoutMs: settings.timeoutMs,
    breaker: new CircuitBreaker(breaker),
  };
  return {
    async compare(probe, reference) {
      const { body } = await callRegistry(endpoint, 'compare', {
        probe: encode(probe),
        reference: encode(reference),
      });
      const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      if (
        typeof b.score !== 'number' ||
        !Number.isFinite(b.score) ||
        b.score < 0 ||
        b.score > 100 ||
        typeof b.match !== 'boolean'
      )
        throw new TekenError(
          'ERR_REGISTRY_UNAVAILABLE',
          'The face-match service answered in an unknown format.',
        );
      return { score: b.score, serviceMatch: b.match, match: b.match && b.score >= settings.minScore };
    },
  };
}
