import { initialiseHierarchy } from '../../authority/initialise-hierarchy.js';
import { loadConfig } from '../../config/load-config.js';
import { TekenError } from '../../errors/teken-error.js';
import { startServer } from '../../runtime/start-server.js';
import { SETUP_LINK_HOURS, firstAdminSetupLink } from '../../identity/bootstrap-admin.js';
import { identityContextOf } from '../../runtime/identity-context-of.js';
import { write, type CliIo } from '../cli-context.js';

export async function serve(io: CliIo, o: { port?: string | undefined }): Promise<number> {
  const env = { ...io.env };
  if (o.port !== undefined) {
    if (!/^\d{1,5}$/.test(o.port))
      throw new TekenError('ERR_INPUT_INVALID', `--port must be a port number (got "${o.port}").`);
    env.TEKEN_PORT = o.port;
  }
  const config = loadConfig(env);
  if (o.port !== undefined && !io.env.TEKEN_PUBLIC_URL && io.env.TEKEN_PORT !== o.port) {
    // The other commands (cert issue, ca init, ...) do not see --port: they would write another
    // port into the certificates they make.
    write(
      io.stderr,
      `warning: --port ${o.port} makes the public URL ${config.publicUrl} for this run only; set TEKEN_PORT=${o.port} (or TEKEN_PUBLIC_URL) in the environment so every teken command writes the same URLs into certificates.`,
    );
  }
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
      // Printed on the terminal, not logged: it is a one-time credential for whoever started Teken.
      // Printed anew at every start until the first administrator has both factors, so a setup
      // interrupted halfway can always be resumed (the older link stops working).
      const link = await firstAdminSetupLink(identityContextOf(rt));
      if (link) {
        write(
          io.stdout,
          `\nNo administrator has been set up yet. Open this one-time link (valid ${SETUP_LINK_HOURS} hours) to set the\nauthenticator and password of the "admin" account:\n\n    ${link}\n\n` +
            `Closed the page halfway? Restart Teken, or run \`teken admin setup-link\`, for a new link.\n`,
        );
      }
    },
  });
  // The signing workers load the engine now, not on the first document (start-server.ts starts
  // them on demand, which tests prefer).
  server.signingPool
    ?.warm()
    .catch((error: unknown) => server.rt.log.error({ err: error }, 'starting the signing workers failed'));
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
