/**
 * Group commit: callers that want the same kind of database write at about the same time share one
 * statement (one round trip, one commit) instead of queueing for one each. Generic: the caller's
 * `flush` writes a batch and returns one result per item, in order.
 */

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Runs `flush` over the items added while earlier flushes were running: items added in the same
 * turn of the event loop go together, at most `maxBatch` per flush and `parallel` flushes at a
 * time; items wait in the order they were added and each batch takes the oldest. Every item of a
 * failed flush gets its error; a lone item is flushed at once.
 *
 * @example
 * const inserts = new GroupCommit((rows: Row[]) => insertRows(db, rows), 64, 2);
 * const id = await inserts.add(row); // shares one INSERT with rows added at the same time
 */
export class GroupCommit<T, R> {
  readonly #flush: (items: T[]) => Promise<R[]>;
  readonly #maxBatch: number;
  readonly #parallel: number;
  #waiting: Waiting<T, R>[] = [];
  #running = 0;
  #scheduled = false;

  constructor(flush: (items: T[]) => Promise<R[]>, maxBatch: number, parallel: number) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1)
      throw new RangeError('maxBatch must be a positive integer.');
    if (!Number.isInteger(parallel) || parallel < 1)
      throw new RangeError('parallel must be a positive integer.');
    this.#flush = flush;
    this.#maxBatch = maxBatch;
    this.#parallel = parallel;
  }

  /** Resolves with this item's result once the flush that wrote it succeeded. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      // Items added in the same turn of the event loop go together.
      if (!this.#scheduled) {
        this.#scheduled = true;
        queueMicrotask(() => {
          this.#scheduled = false;
          this.#pump();
        });
      }
    });
  }

  #pump(): void {
    while (this.#running < this.#parallel && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#maxBatch);
      this.#running++;
      // An async wrapper turns a synchronous throw into a rejection.
      const flushed = (async () => this.#flush(batch.map((w) => w.item)))();
      flushed
        .then((results) => {
          if (!Array.isArray(results) || results.length !== batch.length)
            throw new Error(
              `A group-commit flush of ${batch.length} items returned ${String(results?.length)} results.`,
            );
          batch.forEach((w, i) => w.resolve(results[i]!));
        })
        .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          this.#running--;
          this.#pump();
        });
    }
  }
}
