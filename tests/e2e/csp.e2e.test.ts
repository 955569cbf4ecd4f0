// The Content-Security-Policy in a real browser: the client runs under it with nothing blocked
// (every browser test fails on a violation, see helpers.ts), and it does block what it is for.
import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/model/index.ts';
import { author } from '../support/syncClient.ts';
import { browserSuite, drawnCardBox, openPage, takeCspViolations } from './helpers.ts';
import { openBoard, seedBoard } from './seed.ts';

describe('the Content-Security-Policy in Chromium', () => {
  const suite = browserSuite();

  it('lets the start page and a board run with no violation', { timeout: 60_000 }, async () => {
    const tp = suite.track(await openPage(suite.browser));
    const response = await tp.page.goto(suite.server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await tp.page.getByRole('button', { name: /create workshop/i }).waitFor();
    expect(takeCspViolations()).toEqual([]);
    const board = await seedBoard(suite.server.url, (doc) =>
      addCard(doc, { kind: 'note', x: 0, y: 0, author: author('Seeder'), fields: { text: 'Styled by the CSSOM' } }),
    );
    const member = suite.track(await openBoard(suite.browser, board.link, 'Pia Policy'));
    await drawnCardBox(member.page, board.made);
    expect(takeCspViolations()).toEqual([]);
    expect([...tp.errors, ...member.errors]).toEqual([]);
  });

  it('blocks an injected inline script and style attribute, and the check reports both', {
    timeout: 60_000,
  }, async () => {
    const tp = suite.track(await openPage(suite.browser));
    await tp.page.goto(suite.server.url);
    await tp.page.getByRole('button', { name: /create workshop/i }).waitFor();
    const effects = await tp.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const box = document.createElement('div');
      box.setAttribute('style', 'width: 123px');
      document.body.append(box);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        ran: (window as unknown as { __injected?: boolean }).__injected === true,
        width: box.getBoundingClientRect().width,
      };
    });
    expect(effects.ran).toBe(false);
    expect(effects.width).not.toBe(123);
    const violations = await (async () => {
      for (let i = 0; i < 50; i++) {
        const found = takeCspViolations();
        if (found.some((v) => v.includes('script-src')) && found.some((v) => v.includes('style-src'))) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return takeCspViolations();
    })();
    expect(violations.join('\n')).toContain('script-src');
    expect(violations.join('\n')).toContain('style-src');
    // Chromium's console lines about them are taken too, so the suite's check stays clean.
    await new Promise((resolve) => setTimeout(resolve, 200));
    takeCspViolations();
  });
});
