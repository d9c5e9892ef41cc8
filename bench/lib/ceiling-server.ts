/**
 * The ceiling of the OCSP benchmark: a plain node:http server that reads the request body and
 * answers every POST with one fixed, pre-signed OCSP response. Usage: ceiling-server.ts <der file>;
 * prints the port on stdout.
 */
import fs from 'node:fs';
import http from 'node:http';

const body = fs.readFileSync(process.argv[2]!);
const server = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/ocsp-response', 'content-length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(String(address.port));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
