import { after } from 'node:test';

/**
 * Cleanup that runs once, after every test of the file. `after()` called inside a hook would bind
 * to that hook and run too early, so fixtures register here instead; this module's own `after` is
 * registered when the test file imports it, at the top level.
 */
const tasks: (() => unknown)[] = [];

export function onCleanup(task: () => unknown): void {
  tasks.push(task);
}

after(async () => {
  for (const task of tasks.reverse()) {
    try {
      await task();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
});
