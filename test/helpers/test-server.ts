import { initialiseHierarchy } from '../../src/authority/initialise-hierarchy.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/runtime/start-server.js';
import { onCleanup } from './cleanup.js';
import { testEnv } from './test-runtime.js';

/** A listening `teken serve` on a free port with an initialised hierarchy. */
export async function startTestServer(
  overrides: Record<string, string> = {},
): Promise<RunningServer & { env: Record<string, string> }> {
  const env = await testEnv({ TEKEN_PORT: '0', ...overrides });
  const server = await startServer(loadConfig(env), {
    beforeListen: async (rt) => {
      await initialiseHierarchy(rt.authority, 'test');
    },
    crlDelayMs: 50,
  });
  onCleanup(() => server.close());
  return { ...server, env };
}
