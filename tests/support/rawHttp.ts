// HTTP/1.1 as bytes on a socket, for requests a well-behaved client library refuses to send
// (`//`, NULs, bad percent-encodings, lying Content-Length). The request should ask for
// `Connection: close`; the answer is read until the server closes.
import net from 'node:net';

export interface RawAnswer {
  /** The status code, or null when the connection closed without a status line. */
  status: number | null;
  text: string;
}

export function rawRequest(serverUrl: string, request: string | Uint8Array, timeoutMs = 10_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer in ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 120))}`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    // A reset after the answer (the server closing on a request it refused) still counts as read.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text });
    });
    socket.write(request);
  });
}
