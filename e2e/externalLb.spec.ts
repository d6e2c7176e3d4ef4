/// <reference lib="dom" />
// A dump's LoadBalancer address from a load balancer outside the model (a cloud's): the Service's
// box says where the address came from, and the walk's hop through that load balancer says it is
// outside the model and which node it picked.
import { expect, test, type Page } from '@playwright/test';
import { open, shots } from './helpers';

const dump = `# packetwalk: --from client --to 203.0.113.9:80
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
status:
  loadBalancer:
    ingress: [{ip: 203.0.113.9}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

const words = {
  en: {
    scenario: 'Scenario',
    editor: 'Manifests',
    steps: 'Steps',
    step: 'This step',
    note: 'from a load balancer outside the model',
    hop: 'a load balancer outside PacketWalk holds it: that load balancer is not modelled',
    problem: 'a load balancer outside PacketWalk assigned it',
  },
  'zh-CN': {
    scenario: '场景',
    editor: '清单',
    steps: '步骤',
    step: '本步',
    note: '来自模型之外的负载均衡器',
    hop: '由 PacketWalk 之外的负载均衡器持有：这个负载均衡器不在模型之内',
    problem: '这个地址由 PacketWalk 之外的负载均衡器分配',
  },
} as const;

/** Pastes the dump into the editor (on a phone, its tab first), as the clipboard would. */
async function pasteDump(page: Page, lang: keyof typeof words, phone: boolean) {
  const w = words[lang];
  await open(page, `?lang=${lang}`);
  await page.getByRole('combobox', { name: w.scenario }).selectOption('');
  if (phone) await page.getByRole('tab', { name: w.editor }).tap();
  const editor = page.getByRole('textbox', { name: w.editor });
  await editor.click();
  await page.keyboard.press('Control+A');
  await editor.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, dump);
  await expect(page.locator('section.diagnostics')).toContainText(w.problem);
}

/** The whole picture, then the wheel over one box until it reads at full size. */
async function zoomOn(page: Page, selector: string) {
  await page.locator('.zoom-controls button').last().click();
  // Fit all glides there; the wheel starts from where it lands.
  await page.waitForTimeout(600);
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not drawn`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -250);
  await page.waitForTimeout(300);
}

for (const lang of ['en', 'zh-CN'] as const) {
  const w = words[lang];
  test(`the picture says the address came from a load balancer outside the model, and the hop says which node it picked (${lang})`, async ({
    page,
  }) => {
    await pasteDump(page, lang, false);
    const box = page.locator('[data-service="default/web"]');
    await expect(box).toContainText('203.0.113.9');
    await expect(box.locator('.service-extra.external-lb')).toContainText(w.note);
    await zoomOn(page, '[data-service="default/web"]');
    await page.screenshot({ path: `${shots}/external-lb-service-${lang}.png` });
    await page.getByRole('list', { name: w.steps }).locator('button[data-step="1"]').first().click();
    await expect(page.locator('.inspector, [role="region"]').filter({ hasText: w.hop }).first()).toBeVisible();
    await expect(page.locator('pre.matched-rule')).toContainText(/^203\.0\.113\.9 → worker-\d$/);
    await page.screenshot({ path: `${shots}/external-lb-${lang}.png` });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    const w = words[lang];
    test(`the Service's note and the load balancer's hop fit a phone (${lang})`, async ({ page }) => {
      await pasteDump(page, lang, true);
      await page.getByRole('tab', { name: w.steps }).tap();
      await page.getByRole('list', { name: w.steps }).locator('button[data-step="1"]').first().tap();
      await page.getByRole('tab', { name: w.step }).tap();
      await expect(page.getByRole('tabpanel', { name: w.step })).toContainText(w.hop);
      await expect(page.locator('[data-service="default/web"] .service-extra.external-lb')).toContainText(w.note);
      await page.screenshot({ path: `${shots}/external-lb-phone-${lang}.png` });
      await zoomOn(page, '[data-service="default/web"]');
      await page.screenshot({ path: `${shots}/external-lb-phone-service-${lang}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});
