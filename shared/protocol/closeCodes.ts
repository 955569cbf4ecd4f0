// WebSocket close codes the server uses. Codes 4400–4499 are final: the stock y-websocket
// provider stops retrying on them and emits `closed` with the code and reason.

export const CLOSE = {
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** An edit the role may not make (e.g. to an agreed item); the client rebases its own changes (client/sync/connect.ts). */
  conflict: 4409,
  tooLarge: 4413,
  tooManyMessages: 4429,
  /** Not final: the server hit an internal error (e.g. storage); the client retries. */
  serverError: 1011,
  /** Not final: the server is restarting; the client retries. */
  goingAway: 1001,
  /** Final: the socket's own limit on a message's size (ws closes with it before reading one). */
  messageTooBig: 1009,
  /** Not final: this socket fell too far behind reading; the client reconnects and resyncs. */
  tryAgainLater: 1013,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

export function isFinalClose(code: number): boolean {
  // A message over the size limit would be refused again on every reconnection.
  return (code >= 4400 && code < 4500) || code === CLOSE.messageTooBig;
}

/** What to tell a person whose connection was closed with `code`. */
export function describeClose(code: number): string {
  switch (code) {
    case CLOSE.unauthorized:
      return 'This link is not valid (it may have been replaced). Ask the facilitator for a new link.';
    case CLOSE.notFound:
      return 'This workshop does not exist. Check the link you were given.';
    case CLOSE.tooLarge:
    case CLOSE.messageTooBig:
      return 'Your last change was too large for the server to accept. Reload the page; the change was not saved.';
    case CLOSE.malformed:
      return 'The server could not read a message from this browser and closed the connection. Reload the page.';
    case CLOSE.conflict:
      return 'Your last change touched something only the facilitator may change (an agreed item, what it is linked to, or the agreement itself), so it was not saved. Reload the page to continue with the board as it is.';
    case CLOSE.tooManyMessages:
      return 'This browser sent more changes per second than the server accepts, so it was disconnected. Reload the page.';
    case CLOSE.forbidden:
      return 'You are not allowed to do this with your link.';
    case CLOSE.goingAway:
      return 'The server is restarting; reconnecting…';
    default:
      return isFinalClose(code) ? `The server closed the connection (code ${code}).` : 'Connection lost; reconnecting…';
  }
}
