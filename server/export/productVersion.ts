// The product version stamped into every plan's provenance, read once from package.json.
import fs from 'node:fs';

let version: string | undefined;

export function productVersion(): string {
  if (version === undefined) {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    version = typeof pkg.version === 'string' ? pkg.version : 'unknown';
  }
  return version;
}
