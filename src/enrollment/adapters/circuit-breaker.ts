/**
 * A circuit breaker for calls to an external registry: after `failureThreshold` failures in a row
 * the circuit opens and calls fail at once (no waiting on a dead service); after `openMs` one trial
 * call is let through (half-open): its success closes the circuit, its failure opens it again.
 */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  failureThreshold?: number;
  openMs?: number;
  now?: () => number;
}

export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super('circuit open');
  }
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  readonly failureThreshold: number;
  readonly openMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.openMs = options.openMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.openMs ? 'half_open' : 'open';
  }

  /** Runs `call` through the breaker; `isFailure` decides which outcomes count against the service. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open') throw new CircuitOpenError(this.openMs - (this.now() - this.openedAt!));
    if (state === 'half_open') {
      if (this.trialInFlight) throw new CircuitOpenError(1000);
      this.trialInFlight = true;
    }
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      this.failures++;
      if (state === 'half_open' || this.failures >= this.failureThreshold) this.openedAt = this.now();
      throw error;
    } finally {
      if (state === 'half_open') this.trialInFlight = false;
    }
  }
}
