import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupCommit } from '../../src/db/group-commit.js';

/** A promise settled from outside, to hold a flush open while a test adds items. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets queued microtasks and promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A flush that records its batches and waits for the test to release each one. */
function controlledFlush<T>() {
  const calls: { items: T[]; done: ReturnType<typeof deferred<void>> }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const flush = async (items: T[]): Promise<string[]> => {
    const done = deferred<void>();
    calls.push({ items, done });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await done.promise;
    } finally {
      inFlight--;
    }
    return items.map((item) => `result:${String(item)}`);
  };
  return { calls, flush, maxInFlight: () => maxInFlight };
}

describe('GroupCommit', () => {
  it('flushes a lone item at once, in a batch of one', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit(
      (items: number[]) => {
        batches.push(items);
        return Promise.resolve(items.map((n) => n * 2));
      },
      64,
      2,
    );
    assert.equal(await commit.add(21), 42);
    assert.deepEqual(batches, [[21]]);
  });

  it('puts items added in the same turn into one flush', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit(
      (items: number[]) => {
        batches.push(items);
        return Promise.resolve(items.map((n) => n + 1));
      },
      64,
      2,
    );
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => commit.add(n)));
    assert.deepEqual(results, [2, 3, 4, 5, 6]);
    assert.deepEqual(batches, [[1, 2, 3, 4, 5]]);
  });

  it('gathers items added while a flush runs into the next one', async () => {
    const { calls, flush } = controlledFlush<number>();
    const commit = new GroupCommit(flush, 64, 1);
    const first = commit.add(1);
    await settle();
    assert.equal(calls.length, 1);
    const later = [commit.add(2), commit.add(3)];
    await settle();
    const more = commit.add(4);
    await settle();
    assert.equal(calls.length, 1, 'no second flush while the only slot is busy');
    calls[0]!.done.resolve();
    assert.equal(await first, 'result:1');
    await settle();
    assert.deepEqual(
      calls.map((c) => c.items),
      [[1], [2, 3, 4]],
    );
    calls[1]!.done.resolve();
    assert.deepEqual(await Promise.all([...later, more]), ['result:2', 'result:3', 'result:4']);
  });

  it('splits a burst into batches of at most maxBatch, oldest items first', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit(
      (items: number[]) => {
        batches.push(items);
        return Promise.resolve(items);
      },
      64,
      2,
    );
    const items = Array.from({ length: 150 }, (_, i) => i);
    const results = await Promise.all(items.map((n) => commit.add(n)));
    assert.deepEqual(results, items, 'each caller gets its own result');
    assert.deepEqual(
      batches.map((b) => b.length),
      [64, 64, 22],
    );
    assert.deepEqual(batches.flat(), items, 'batches keep the order items were added in');
  });

  it('runs at most `parallel` flushes at a time', async () => {
    const { calls, flush, maxInFlight } = controlledFlush<number>();
    const commit = new GroupCommit(flush, 2, 2);
    const all = Array.from({ length: 9 }, (_, i) => commit.add(i));
    await settle();
    assert.equal(calls.length, 2);
    // Release the flushes one at a time; each release lets exactly one more start.
    for (let released = 0; released < 5; released++) {
      calls[released]!.done.resolve();
      await settle();
    }
    assert.deepEqual(
      calls.map((c) => c.items),
      [[0, 1], [2, 3], [4, 5], [6, 7], [8]],
    );
    assert.equal(maxInFlight(), 2);
    assert.equal((await Promise.all(all)).length, 9);
  });

  it('rejects every item of a failed flush with its error, and only those', async () => {
    const failure = new Error('the INSERT failed');
    const { calls, flush } = controlledFlush<number>();
    const commit = new GroupCommit(flush, 3, 2);
    const outcomes = [1, 2, 3, 4, 5].map((n) =>
      commit.add(n).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
    );
    await settle();
    assert.deepEqual(
      calls.map((c) => c.items),
      [
        [1, 2, 3],
        [4, 5],
      ],
    );
    calls[0]!.done.reject(failure);
    calls[1]!.done.resolve();
    const settled = await Promise.all(outcomes);
    assert.deepEqual(settled.slice(0, 3), [{ error: failure }, { error: failure }, { error: failure }]);
    assert.deepEqual(settled.slice(3), [{ value: 'result:4' }, { value: 'result:5' }]);
  });

  it('turns a synchronous throw into a rejection of every waiter, and keeps working after it', async () => {
    let fail = true;
    const commit = new GroupCommit(
      (items: string[]) => {
        if (fail) throw new TypeError('bad batch');
        return Promise.resolve(items.map((s) => s.toUpperCase()));
      },
      64,
      1,
    );
    const results = await Promise.allSettled([commit.add('a'), commit.add('b')]);
    for (const result of results) {
      assert.equal(result.status, 'rejected');
      assert.ok(result.reason instanceof TypeError);
    }
    fail = false;
    assert.deepEqual(await Promise.all([commit.add('c'), commit.add('d')]), ['C', 'D']);
  });

  it('rejects every waiter when a flush returns the wrong number of results', async () => {
    const commit = new GroupCommit((items: number[]) => Promise.resolve(items.slice(1)), 64, 1);
    const results = await Promise.allSettled([commit.add(1), commit.add(2)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.match(String((results[0] as PromiseRejectedResult).reason), /2 items returned 1 results/);
  });

  it('refuses a batch size or parallelism below one', () => {
    const flush = (items: number[]) => Promise.resolve(items);
    assert.throws(() => new GroupCommit(flush, 0, 1), RangeError);
    assert.throws(() => new GroupCommit(flush, 64, 0), RangeError);
    assert.throws(() => new GroupCommit(flush, 1.5, 1), RangeError);
  });
});
