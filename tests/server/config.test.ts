import { describe, expect, it } from 'vitest';
import { configFromEnv, PLAN_WORK_DEFAULTS, RATE_LIMIT_DEFAULTS } from '../../server/config.ts';

describe('the plan work and rate limit settings from the environment', () => {
  it('default to limits no real workshop meets, and to no trusted proxy', () => {
    const config = configFromEnv({}, '/repo');
    expect(config.rateLimits).toEqual(RATE_LIMIT_DEFAULTS);
    expect(config.rateLimits).toMatchObject({ workshopsPerMinute: 20, importsPerMinute: 10, trustedProxies: 0 });
    expect(config.planWork).toEqual(PLAN_WORK_DEFAULTS);
    expect(config.planWork).toMatchObject({ importThreads: 1, importTimeoutMs: 10_000 });
    expect(config.planWork.exportThreads).toBeGreaterThanOrEqual(1);
  });

  it('are read from their variables, with 0 turning a rate limit off', () => {
    const config = configFromEnv(
      {
        WORKSHOPS_PER_MINUTE: '0',
        WORKSHOPS_BURST: '5',
        IMPORTS_PER_MINUTE: '3',
        IMPORTS_BURST: '2',
        TRUST_PROXY: '1',
        EXPORT_THREADS: '3',
        EXPORT_QUEUE: '0',
        EXPORT_TIMEOUT_MS: '60000',
        IMPORT_THREADS: '2',
        IMPORT_QUEUE: '8',
        IMPORT_TIMEOUT_MS: '2500',
      },
      '/repo',
    );
    expect(config.rateLimits).toEqual({
      workshopsPerMinute: 0,
      workshopsBurst: 5,
      importsPerMinute: 3,
      importsBurst: 2,
      trustedProxies: 1,
    });
    expect(config.planWork).toMatchObject({
      exportThreads: 3,
      exportQueue: 0,
      exportTimeoutMs: 60_000,
      importThreads: 2,
      importQueue: 8,
      importTimeoutMs: 2_500,
    });
  });

  it('refuse a value that is not a whole number in range, naming the variable', () => {
    expect(() => configFromEnv({ TRUST_PROXY: 'true' }, '/repo')).toThrow(
      'TRUST_PROXY must be a whole number ≥ 0, got "true"',
    );
    expect(() => configFromEnv({ IMPORT_THREADS: '0' }, '/repo')).toThrow('IMPORT_THREADS must be a whole number ≥ 1');
    expect(() => configFromEnv({ IMPORTS_BURST: '0' }, '/repo')).toThrow('IMPORTS_BURST must be a whole number ≥ 1');
  });
});

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
