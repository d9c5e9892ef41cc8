/**
 * One JSON call to an external registry, with a timeout, through a circuit breaker. Transport
 * errors, timeouts, 5xx, 401/403 and unreadable bodies count as failures of the service (they open
 * the circuit); `expected` statuses (e.g. 404 "no such NIP") are answers and do not. Errors never
 * carry the request body (it is personal data).
 */
import { TekenError } from '../../errors/teken-error.js';
import { CircuitOpenError, type CircuitBreaker } from './circuit-breaker.js';

export interface RegistryEndpoint {
  /** For messages and logs: "personnel registry", "face match". */
  name: string;
  url: string;
  token: string | undefined;
  timeoutMs: number;
  breaker: CircuitBreaker;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

class RegistryFailure extends Error {}

export async function callRegistry(
  endpoint: RegistryEndpoint,
  path: string,
  payload: unknown,
  expected: readonly number[] = [],
): Promise<JsonAnswer> {
  try {
    return await endpoint.breaker.run(async () => {
      let response: Response;
      try {
        response = await fetch(
          new URL(path, endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`),
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
            },
            body: JSON.stringify(payload),
            signal: AbortSignal.timeout(endpoint.timeoutMs),
            redirect: 'error',
          },
        );
      } catch (error) {
        const timeout =
          error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new RegistryFailure(timeout ? `no answer within ${endpoint.timeoutMs} ms` : 'not reachable');
      }
      if (expected.includes(response.status)) {
        await response.body?.cancel();
        return { status: response.status, body: null };
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new RegistryFailure(`answered ${response.status}`);
      }
      try {
        return { status: 200, body: await response.json() };
      } catch {
        throw new RegistryFailure('answered with a body that is not JSON');
      }
    });
  } catch (error) {
    if (error instanceof CircuitOpenError)
      throw new TekenError(
        'ERR_REGISTRY_UNAVAILABLE',
        `The ${endpoint.name} failed repeatedly; calls are paused for ${Math.ceil(error.retryAfterMs / 1000)} s.`,
        { details: { registry: endpoint.name, circuit: 'open' } },
      );
    if (error instanceof RegistryFailure)
      throw new TekenError('ERR_REGISTRY_UNAVAILABLE', `The ${endpoint.name} ${error.message}.`, {
        details: { registry: endpoint.name },
      });
    throw error;
  }
}
