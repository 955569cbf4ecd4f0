// A failure that means the server's state can no longer be trusted (as opposed to one request or
// one message going wrong): the process guard stops the process on it, and only on it, so that
// the supervisor starts a fresh one from storage.
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** SQLite reporting a damaged database file: continuing could only make it worse. */
const STORAGE_CORRUPTION = /^SQLITE_(CORRUPT|NOTADB)/;

export function isInvariantFailure(error: unknown): boolean {
  if (error instanceof InvariantError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CORRUPTION.test(code);
}
