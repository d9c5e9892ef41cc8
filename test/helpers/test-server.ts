import { initialiseHierarchy } from '../../src/authority/initialise-hierarchy.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/runtime/start-server.js';
import { onCleanup } from './cleanup.js';
import { testEnv } from './test-runtime.js';

/**
 * A listening `teken serve` on a free port with an initialised hierarchy; `now` is its runtime's
 * clock (a test that moves time for the server as it does for the browser).
 */
export async function startTestServer(
  overrides: Record<string, string> = {},
  options: { now?: () => number } = {},
): Promise<RunningServer & { env: Record<string, string> }> {
  const env = await testEnv({ TEKEN_PORT: '0', ...overrides });
  const server = await startServer(loadConfig(env), {
    beforeListen: async (rt) => {
      await initialiseHierarchy(rt.authority, 'test');
    },
    crlDelayMs: 50,
    ...(options.now ? { now: options.now } : {}),
  });
  onCleanup(() => server.close());
  return { ...server, env };
}
