// What Envoy Gateway says about a Gateway API paste it accepts but cannot serve in full: a listener
// conflict, a route that attaches nowhere, a backend that does not exist and one in another
// namespace without a ReferenceGrant, each a warning in the Problems panel at its line, in English
// and Chinese, on a laptop and a phone.
import { expect, test, type Page } from '@playwright/test';
import { pasteForProblems, shots } from './helpers';

const pasted = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg}
spec:
  gatewayClassName: eg
  listeners:
  - {name: web, protocol: HTTP, port: 80, hostname: shop.example.test}
  - {name: web-tls, protocol: HTTPS, port: 80, hostname: shop.example.test, tls: {certificateRefs: [{name: shop-cert}]}}
  - {name: other, protocol: HTTP, port: 8080, hostname: "*.example.test"}
---
apiVersion: v1
kind: Secret
metadata: {name: shop-cert}
type: kubernetes.io/tls
data: {tls.crt: "", tls.key: ""}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: blog}
spec:
  parentRefs: [{name: eg, sectionName: other}]
  hostnames: [blog.other.test]
  rules: [{backendRefs: [{name: blog, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: eg, sectionName: other}]
  hostnames: [shop.example.test]
  rules:
  - backendRefs: [{name: cart, port: 80}, {name: billing, namespace: payments, port: 80}]
`;

const words = {
  en: {
    scenario: 'Scenario',
    editor: 'Manifests',
    messages: [
      'listener web and listener web-tls both use port 80',
      'listener web-tls and listener web both use port 80',
      'HTTPRoute default/blog does not attach to Gateway default/eg (NoMatchingListenerHostname)',
      'there is no Service default/cart with port 80',
      'backend payments/billing is in another namespace and no ReferenceGrant there allows it',
    ],
  },
  'zh-CN': {
    scenario: '场景',
    editor: '清单',
    messages: [
      '监听器 web 和 web-tls 都使用端口 80',
      '监听器 web-tls 和 web 都使用端口 80',
      'HTTPRoute default/blog 没有挂载到 Gateway default/eg（NoMatchingListenerHostname）',
      '没有端口为 80 的 Service default/cart',
      '后端 payments/billing 在另一个命名空间',
    ],
  },
} as const;

async function pasteIt(page: Page, lang: keyof typeof words, phone: boolean) {
  const w = words[lang];
  return pasteForProblems(page, pasted, { lang, scenario: w.scenario, editor: w.editor, messages: w.messages }, phone);
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`Envoy Gateway's verdicts on the paste are in the Problems panel (${lang})`, async ({ page }) => {
    const problems = await pasteIt(page, lang, false);
    await expect(problems.locator('li', { hasText: words[lang].messages[2] })).toContainText(':26:');
    await problems.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/gateway-spec-problems-${lang}.png` });
    await problems.locator('li').last().scrollIntoViewIfNeeded();
    await problems.screenshot({ path: `${shots}/gateway-spec-problems-list-${lang}.png` });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the same verdicts under the editor (${lang})`, async ({ page }) => {
      const problems = await pasteIt(page, lang, true);
      await problems.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/gateway-spec-problems-phone-${lang}.png` });
    });
  }
});
