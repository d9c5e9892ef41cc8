import { initialiseHierarchy } from '../../authority/initialise-hierarchy.js';
import { loadConfig } from '../../config/load-config.js';
import { TekenError } from '../../errors/teken-error.js';
import { startServer } from '../../runtime/start-server.js';
import type { CliIo } from '../cli-context.js';

export async function serve(io: CliIo, o: { port?: string | undefined }): Promise<number> {
  const env = { ...io.env };
  if (o.port !== undefined) {
    if (!/^\d{1,5}$/.test(o.port))
      throw new TekenError('ERR_INPUT_INVALID', `--port must be a port number (got "${o.port}").`);
    env.TEKEN_PORT = o.port;
  }
  const config = loadConfig(env);
  const server = await startServer(config, {
    beforeListen: async (rt) => {
      await rt.registry.reload();
      if (rt.registry.all().length === 0 && config.ca.autoInit) {
        rt.log.warn(
          'No CA hierarchy exists: creating one now (TEKEN_CA_AUTO_INIT=true). This takes a few seconds.',
        );
        const result = await initialiseHierarchy(rt.authority, 'system');
        rt.log.info({ created: result.created }, 'CA hierarchy created');
      }
    },
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      server.rt.log.info({ signal }, 'shutting down');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
