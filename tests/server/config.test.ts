import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.ts';

const ROOT = '/srv/board';

describe('configFromEnv', () => {
  it('leaves /metrics open and source maps unserved by default', () => {
    const config = configFromEnv({}, ROOT);
    expect(config.metricsToken).toBeUndefined();
    expect(config.serveSourceMaps).toBe(false);
  });

  it('reads METRICS_TOKEN and SERVE_SOURCEMAPS=1', () => {
    const config = configFromEnv({ METRICS_TOKEN: 'a-long-metrics-token', SERVE_SOURCEMAPS: '1' }, ROOT);
    expect(config.metricsToken).toBe('a-long-metrics-token');
    expect(config.serveSourceMaps).toBe(true);
  });

  it('refuses a short METRICS_TOKEN or one with spaces, saying why', () => {
    expect(() => configFromEnv({ METRICS_TOKEN: 'short' }, ROOT)).toThrow(/at least 16/);
    expect(() => configFromEnv({ METRICS_TOKEN: 'has a space in the middle' }, ROOT)).toThrow(/METRICS_TOKEN/);
  });

  it('refuses a PUBLIC_URL that is not an http(s) address, and trims trailing slashes', () => {
    expect(() => configFromEnv({ PUBLIC_URL: 'board.example.org' }, ROOT)).toThrow(/PUBLIC_URL/);
    expect(() => configFromEnv({ PUBLIC_URL: 'ftp://board.example.org' }, ROOT)).toThrow(/PUBLIC_URL/);
    expect(configFromEnv({ PUBLIC_URL: 'https://board.example.org//' }, ROOT).publicUrl).toBe(
      'https://board.example.org',
    );
  });
});
