/// <reference lib="dom" />
// The Content-Security-Policy the build ships (a <meta>, and the same header from e2e/serve.ts):
// it is in force — an injected inline script does not run, eval is refused — and the app and the
// player do everything a learner does under it (the editor, the Share dialog, the SVG, PNG and
// GIF downloads, a ?src= manifest from another site) without a single violation.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { editor, open, replaceText } from './helpers';

// A string, not a function: tsx would inject helpers into a function's source (e2e/README).
const recordViolations = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
`;

/** Every violation the page saw, from its event and from the console (which also hears the worker's). */
async function violations(page: Page, console: string[]): Promise<string[]> {
  const events = await page.evaluate('window.__violations');
  return [...(events as string[]), ...console];
}

function watch(page: Page): string[] {
  const heard: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) heard.push(m.text());
  });
  return heard;
}

let other: Server;
let otherOrigin = '';

test.beforeAll(async () => {
  const hostnames = readFileSync('public/scenarios/hostnames.yaml', 'utf8');
  other = createServer((_req, res) =>
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }).end(hostnames),
  );
  await new Promise<void>((resolve) => other.listen(0, 'localhost', resolve));
  otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

test.beforeEach(async ({ page }) => {
  await page.addInitScript(recordViolations);
});

test('the policy is in force: the header equals the meta, an injected inline script or handler does not run', async ({ page }) => {
  const response = await page.goto('./');
  const header = response!.headers()['content-security-policy'];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header).toBe(meta);
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('unsafe-eval');

  const outcome = await page.evaluate(`(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
    const b = document.createElement('button');
    b.setAttribute('onclick', 'window.__clicked = true');
    document.body.append(b);
    b.click();
    return { ran: window.__ran === true, clicked: window.__clicked === true };
  })()`);
  expect(outcome).toEqual({ ran: false, clicked: false });
  await expect.poll(() => page.evaluate('window.__violations.length')).toBeGreaterThanOrEqual(2);
});

test('the app: first step, editor, Share dialog and its downloads, without a violation', async ({ page }) => {
  const heard = watch(page);
  await open(page);
  await expect(editor(page)).toBeVisible();
  const text = readFileSync('public/scenarios/hostnames.yaml', 'utf8');
  await replaceText(page, text.replaceAll('hostnames', 'webapp'));
  await expect(page.locator('[data-pod^="default/webapp-"]')).toHaveCount(3);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this step' });
  await expect(dialog.getByRole('img', { name: 'QR code of the link' })).toBeVisible();
  for (const name of ['Download SVG', 'Download PNG', 'Download GIF']) {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name }).click()]);
    expect(await file.failure()).toBeNull();
  }
  expect(await violations(page, heard)).toEqual([]);
});

test('the player: a scenario with its editor, and a ?src= manifest from another site, without a violation', async ({ page }) => {
  const heard = watch(page);
  const response = await page.goto('./embed.html?scenario=hostnames&editor=1&lang=zh-CN');
  const header = response!.headers()['content-security-policy'];
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', header);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  expect(await violations(page, heard)).toEqual([]);
  await page.goto(`./embed.html?src=${encodeURIComponent(`${otherOrigin}/hostnames.yaml`)}`);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await violations(page, heard)).toEqual([]);
});
