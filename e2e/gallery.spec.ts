/// <reference lib="dom" />
// The gallery: a scenario replaces the editor's text; the learner's own text is never lost.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { declaredWalk, deriveModel, formatTargetArg, walkPacket, type TraceSource } from '../src/model';
import { editor, inspector, open, playToEnd, replaceText, shots } from './helpers';

const mine = `apiVersion: v1
kind: Pod
metadata:
  name: my-own-pod
spec:
  containers:
  - name: web
    image: nginx
`;

test('a scenario replaces the text; "Back to my manifests" brings the learner’s own back, across a reload', async ({ page }) => {
  await open(page);
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker).toHaveValue('hostnames');
  await expect(picker.locator('option')).toContainText(['NodePort: my-nginx from the LAN']);

  // Write manifests of one's own: the picker now says so.
  await picker.selectOption('');
  await expect(editor(page)).not.toContainText('hostnames');
  await replaceText(page, mine);
  await expect(page.locator('[data-pod="default/my-own-pod"]')).toHaveCount(1);

  await picker.selectOption('nodeport');
  await expect(editor(page)).toContainText('my-nginx');
  await expect(page.locator('[data-pod^="default/my-nginx-"]')).toHaveCount(2);
  await page.screenshot({ path: `${shots}/gallery.png` });

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('nodeport');
  await page.getByRole('button', { name: 'Back to my manifests' }).click();
  await expect(editor(page)).toContainText('my-own-pod');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
});

test("the learner's edit of a scenario is kept with it, and can be undone", async ({ page }) => {
  await open(page);
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# tried something\n');
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker.locator('option:checked')).toHaveText(/\(edited\)/);
  await picker.selectOption('dns-ndots');
  await expect(editor(page)).toContainText('ndots');
  await picker.selectOption('hostnames');
  await expect(editor(page)).toContainText('# tried something');
  await page.getByRole('button', { name: 'Undo my edits' }).click();
  await expect(editor(page)).not.toContainText('# tried something');
  await expect(picker.locator('option:checked')).not.toHaveText(/\(edited\)/);
});

// Every scenario opens on the packet its "# packetwalk:" line declares, and walks it as the model does.
const gallery: { id: string; file: string }[] = JSON.parse(
  readFileSync(new URL('../public/scenarios/index.json', import.meta.url), 'utf8'),
);

/** The From box's value for a source, as PacketChooser writes it. */
const fromValue = (s: TraceSource) => (s.kind === 'pod' ? `pod:${s.namespace}/${s.name}` : s.kind === 'node' ? `node:${s.name}` : 'client');

test('every gallery scenario opens on the walk its packetwalk line declares', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  for (const { id, file } of gallery) {
    const text = readFileSync(new URL(`../public/scenarios/${file}`, import.meta.url), 'utf8');
    const { from, to } = declaredWalk([{ name: file, text }]).walk!.flags;
    const outcome = walkPacket(deriveModel([{ name: file, text }]), { from: from!, to: to! }).outcome;
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
    await expect(page.getByRole('combobox', { name: 'From' }), id).toHaveValue(fromValue(from!));
    await expect(page.getByRole('combobox', { name: 'To' }).or(page.getByRole('textbox', { name: 'To' })), id).toHaveValue(
      formatTargetArg(to!),
    );
    await playToEnd(page);
    const card = inspector(page).locator('.outcome');
    const shownAs = outcome.result === 'unmodelled' ? 'unknown' : outcome.result;
    await expect(card, id).toHaveClass(new RegExp(`\\b${shownAs}\\b`));
    if (outcome.pod) await expect(card, id).toContainText(outcome.pod);
    if (outcome.http) await expect(card, id).toContainText(String(outcome.http.status));
  }
});

test('About / Try this: the scenario explained in both languages, and a try changes the walk', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('etp-local');
  const about = page.getByRole('region', { name: 'About this scenario' });
  await expect(about).toContainText('which has no local endpoint, so kube-proxy drops it there');
  const to = page.getByRole('combobox', { name: 'To' }).or(page.getByRole('textbox', { name: 'To' }));
  await expect(to).toHaveValue('192.168.1.12:30800');
  await page.screenshot({ path: `${shots}/about-en-1440.png` });

  const tryWorker1 = about.getByRole('button', { name: 'To worker-1, the node that has the pod' });
  await tryWorker1.click();
  await expect(to).toHaveValue('192.168.1.11:30800');
  await expect(tryWorker1).toHaveAttribute('aria-pressed', 'true');
  await playToEnd(page);
  await expect(inspector(page).locator('.outcome')).toHaveClass(/\bdelivered\b/);

  await about.getByRole('button', { name: 'Back to the opening walk' }).click();
  await expect(to).toHaveValue('192.168.1.12:30800');
  await expect(tryWorker1).toHaveAttribute('aria-pressed', 'false');

  // A what-if try: kube-proxy in IPVS mode, on the hostnames scenario.
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('hostnames');
  await about.getByRole('button', { name: 'Switch kube-proxy to IPVS mode' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Proxy mode' }).getByRole('radio', { name: 'IPVS' })).toBeChecked();

  await page.goto('./?lang=zh-CN');
  await page.getByRole('combobox', { name: '场景' }).selectOption('dns-ndots');
  const zhAbout = page.getByRole('region', { name: '关于这个场景' });
  await expect(zhAbout).toContainText('第一次查询 api.backend.default.svc.cluster.local 得到 NXDOMAIN');
  await expect(zhAbout.getByRole('heading', { name: '试一试' })).toBeVisible();
  await page.screenshot({ path: `${shots}/about-zh-1440.png` });
  await zhAbout.getByRole('button', { name: 'nosuch:80：4 次查询，全部 NXDOMAIN' }).click();
  await expect(page.getByRole('combobox', { name: '到' }).or(page.getByRole('textbox', { name: '到' }))).toHaveValue('nosuch:80');
});

test('on a phone the About panel is one line in the Manifests tab until opened, its text wrapped', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [lang, tab, heading] of [
    ['en', 'Manifests', 'About this scenario'],
    ['zh-CN', '清单', '关于这个场景'],
  ]) {
    await page.goto(`./?lang=${lang}`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`./?lang=${lang}`);
    await page.getByRole('tab', { name: tab }).click();
    const summary = page.getByRole('heading', { name: heading });
    await expect(summary).toBeVisible();
    await summary.click();
    const body = page.getByRole('region', { name: heading });
    await expect(body).toBeVisible();
    const overflow = await body.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await body.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/about-${lang}-390.png` });
  }
});

test("pasted manifests walk the learner's own pod to the learner's own Service, and the panel says why", async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('');
  await replaceText(page, webApp);
  await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue(/^pod:default\/web-/);
  const to = page.getByRole('combobox', { name: 'To' }).or(page.getByRole('textbox', { name: 'To' }));
  await expect(to).toHaveValue(/^10\.\d+\.\d+\.\d+:80$/);
  const mine = page.getByRole('heading', { name: 'Your packet' });
  await expect(mine).toBeVisible();
  await expect(page.locator('.about')).toContainText('Every pod of yours is behind default/web');
  await expect(page.locator('.about')).toContainText('# packetwalk: --from pod/default/web-');
  await page.screenshot({ path: `${shots}/about-mine-en-1440.png` });
});

test('a packetwalk line of their own opens the learner on their packet; a bad flag is a warning at its line and column', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('');
  await replaceText(page, `# packetwalk: --from pod/default/nobody --to web.default:80 --fast\n${webApp}`);
  const to = page.getByRole('combobox', { name: 'To' }).or(page.getByRole('textbox', { name: 'To' }));
  await expect(to).toHaveValue('web.default:80');
  // The pod it names does not exist, so the packet starts where the default would.
  await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue(/^pod:default\/web-/);
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems).toContainText('manifests.yaml:1:61');
  await expect(problems).toContainText('"--fast" is not a flag of the packetwalk line');
  // Declared, so nothing to explain.
  await expect(page.getByRole('heading', { name: 'Your packet' })).toHaveCount(0);
});

const webApp = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;
