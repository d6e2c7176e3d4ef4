// A paste that went wrong: a Service and a Deployment without `---` between them, then an
// Ingress from an old article (extensions/v1beta1). The Problems panel offers each rewrite as
// text with "Apply fix" and "Copy" (the editor's tooltip offers Apply too); Copy puts it on the
// clipboard, Apply edits the editor (Ctrl+Z takes it back) and the walk then works.
import { expect, test, type Page } from '@playwright/test';
import { pasteForProblems, shots } from './helpers';

const pasted = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
apiVersion: apps/v1
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
        ports:
        - containerPort: 80
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
  annotations:
    kubernetes.io/ingress.class: nginx
spec:
  rules:
  - host: shop.example
    http:
      paths:
      - path: /
        backend:
          serviceName: web
          servicePort: 80
`;

const words = {
  en: {
    scenario: 'Scenario',
    editor: 'Manifests',
    apply: 'Apply fix',
    copy: 'Copy',
    copied: 'Copied.',
    separator: 'missing `---`?',
    ingress: 'no matches for kind "Ingress"',
  },
  'zh-CN': {
    scenario: '场景',
    editor: '清单',
    apply: '应用修复',
    copy: '复制',
    copied: '已复制。',
    separator: '缺少 `---`？',
    ingress: '中没有类型 "Ingress"',
  },
} as const;

/** The editor's text, line by line as CodeMirror draws it (all of it: the text is short). */
const editorText = (page: Page) => page.locator('.cm-content .cm-line').allInnerTexts();

async function pasteIt(page: Page, lang: keyof typeof words, phone: boolean) {
  const w = words[lang];
  const problems = await pasteForProblems(
    page,
    pasted,
    { lang, scenario: w.scenario, editor: w.editor, messages: [w.separator, w.ingress] },
    phone,
  );
  return problems;
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`Copy and Apply fix answer a paste that went wrong, and Ctrl+Z takes a fix back (${lang})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const w = words[lang];
    const problems = await pasteIt(page, lang, false);
    const separator = problems.locator('li', { hasText: w.separator });
    const ingress = problems.locator('li', { hasText: w.ingress });
    await ingress.getByRole('button', { name: w.apply }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/paste-help-${lang}.png` });

    // Copy: exactly the suggested text, on the clipboard.
    const suggested = await ingress.locator('textarea').inputValue();
    expect(suggested).toContain('apiVersion: networking.k8s.io/v1');
    expect(suggested).toContain('ingressClassName: nginx');
    await ingress.getByRole('button', { name: w.copy }).click();
    await expect(ingress.getByRole('status')).toHaveText(w.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(suggested);

    // Apply: `---` goes in before the Deployment; its problem goes.
    await separator.getByRole('button', { name: w.apply }).click();
    await expect(problems.locator('li', { hasText: w.separator })).toHaveCount(0);
    const lines = await editorText(page);
    expect(lines.slice(8, 11)).toEqual(['  - port: 80', '---', 'apiVersion: apps/v1']);

    // Apply the Ingress: no error left, and the walk through ingress-nginx is drawn to the pods.
    await problems.locator('li', { hasText: w.ingress }).getByRole('button', { name: w.apply }).click();
    await expect(problems.locator('.diag-error')).toHaveCount(0);
    expect((await editorText(page)).join('\n')).toContain(suggested);
    await expect(page.locator('[data-pod^="default/web-"]')).toHaveCount(2);
    await expect(page.locator('[data-pod^="ingress-nginx/"]')).toHaveCount(1);
    await page.screenshot({ path: `${shots}/paste-help-applied-${lang}.png` });

    // Ctrl+Z in the editor takes the last fix back.
    await page.getByRole('textbox', { name: w.editor }).press('Control+z');
    await expect(problems.locator('li', { hasText: w.ingress })).toHaveCount(1);
    expect((await editorText(page)).join('\n')).toContain('apiVersion: extensions/v1beta1');

    // The editor's own tooltip at the error offers the same fix.
    await page.locator('.cm-lintRange-error').first().hover();
    await page.locator('.cm-tooltip-lint').getByRole('button', { name: w.apply }).click();
    await expect(problems.locator('.diag-error')).toHaveCount(0);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the fixes under the editor can be applied (${lang})`, async ({ page }) => {
      const w = words[lang];
      const problems = await pasteIt(page, lang, true);
      const ingress = problems.locator('li', { hasText: w.ingress });
      await ingress.getByRole('button', { name: w.apply }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/paste-help-phone-${lang}.png` });
      await ingress.getByRole('button', { name: w.apply }).tap();
      await expect(problems.locator('li', { hasText: w.ingress })).toHaveCount(0);
    });
  }
});
