// A Gateway API paste the API server would refuse: each problem in the Problems panel at its line,
// in the API server's words, in English and in Chinese, on a laptop and on a phone.
import { expect, test, type Page } from '@playwright/test';
import { pasteForProblems, shots } from './helpers';

const pasted = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: eg
spec:
  gatewayClassName: eg
  listeners:
  - name: http
    protocol: HTTP
    port: 80
  - name: http
    protocol: HTTPS
    port: 443
    hostname: "shop.*.example.test"
    tls: {}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
spec:
  parentRefs: [{name: eg}]
  rules:
  - matches: [{path: {type: PathPrefix, value: shop}}]
    filters:
    - type: RequestRedirect
      requestRedirect: {scheme: https}
    backendRefs: [{name: shop}]
`;

const words = {
  en: {
    scenario: 'Scenario',
    editor: 'Manifests',
    messages: [
      'Listener name must be unique within the Gateway',
      "in body should match '^(\\*\\.)?",
      'certificateRefs or options must be specified when mode is Terminate',
      "value must be an absolute path and start with '/'",
      'RequestRedirect filter must not be used together with backendRefs',
      'Must have port for Service reference',
    ],
  },
  'zh-CN': {
    scenario: '场景',
    editor: '清单',
    messages: [
      'Gateway 内的监听器名称必须唯一',
      "必须匹配 '^(\\*\\.)?",
      'mode 为 Terminate 时必须指定 certificateRefs 或 options',
      "value 必须是以 '/' 开头的绝对路径",
      'RequestRedirect 过滤器不能与 backendRefs 一起使用',
      '引用 Service 时必须指定 port',
    ],
  },
} as const;

async function pasteIt(page: Page, lang: keyof typeof words, phone: boolean) {
  const w = words[lang];
  const problems = await pasteForProblems(page, pasted, { lang, scenario: w.scenario, editor: w.editor, messages: w.messages }, phone);
  await expect(problems.locator('.diag-error')).toHaveCount(w.messages.length);
  return problems;
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a refused Gateway and HTTPRoute are explained field by field (${lang})`, async ({ page }) => {
    const problems = await pasteIt(page, lang, false);
    await expect(problems.locator('li', { hasText: words[lang].messages[0] })).toContainText(':11:5');
    await problems.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/gateway-api-problems-${lang}.png` });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the same problems under the editor (${lang})`, async ({ page }) => {
      const problems = await pasteIt(page, lang, true);
      await problems.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/gateway-api-problems-phone-${lang}.png` });
    });
  }
});
