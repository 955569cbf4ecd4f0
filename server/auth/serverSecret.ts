// The server secret that derives join tokens: SERVER_SECRET if given, else a random secret kept
// in DATA_DIR/server-secret (created on first start, readable by the owner only).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadServerSecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('SERVER_SECRET must be at least 32 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const file = path.join(dataDir, 'server-secret');
  try {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`${file} is not a 64-character hex secret; remove it to make a new one (all join links change)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  fs.writeFileSync(file, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
