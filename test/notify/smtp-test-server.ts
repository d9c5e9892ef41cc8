import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { onCleanup } from '../helpers/cleanup.js';

export interface TestSmtpServer {
  port: number;
  /** `smtp://127.0.0.1:<port>?ignoreTLS=true`: the server offers STARTTLS with a self-signed certificate. */
  url: string;
  received: { rcptTo: string[]; mail: ParsedMail }[];
  /** While set, every recipient is refused with this SMTP reply code. */
  rejectRecipients: number | false;
  /** Recipients refused with a reply code of their own (lower-case address → code). */
  refuse: Map<string, number>;
  /** Connections accepted so far. */
  connections: number;
  /** Closes every open client connection, as a server's idle timeout or restart does. */
  dropConnections(): void;
}

/** A real SMTP server on 127.0.0.1 and a free port that keeps what it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    port: 0,
    url: '',
    received: [],
    rejectRecipients: false,
    refuse: new Map(),
    connections: 0,
    dropConnections: () => {
      for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections)
        connection.close();
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const code = state.refuse.get(address.address.toLowerCase()) ?? state.rejectRecipients;
      if (code === false) return callback();
      const error = Object.assign(new Error(`Mailbox <${address.address}> unavailable, try later`), {
        responseCode: code,
      });
      return callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          state.received.push({ rcptTo: session.envelope.rcptTo.map((a) => a.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}?ignoreTLS=true`;
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}

/** A port on 127.0.0.1 where nothing listens (a stopped mail server). */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
