// A learner pastes their CoreDNS ConfigMap: an outside name rewritten to a Service resolves and the
// walk shows the Corefile line that did it; a typo in the Corefile and kubelet's DNSConfigForming
// cut are in the Problems panel, where they are written.
import { expect, test, type Page } from '@playwright/test';
import { inspector, open, playToEnd, shots, showAllSteps, stepList } from './helpers';

const paste = `# packetwalk: --from pod/default/client --to db.example.com.:80
apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        rewrite name db.example.com orders.default.svc.cluster.local
        hots {
            10.0.0.9 nas.home.arpa
        }
        kubernetes cluster.local in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl 30
        }
        forward . /etc/resolv.conf
    }
---
apiVersion: v1
kind: Service
metadata:
  name: orders
spec:
  selector:
    app: orders
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  replicas: 2
  selector:
    matchLabels:
      app: orders
  template:
    metadata:
      labels:
        app: orders
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  dnsConfig:
    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]
  containers:
  - name: main
    image: busybox
`;

const words = {
  en: {
    scenario: 'Scenario',
    editor: 'Manifests',
    typo: 'CoreDNS has no plugin "hots"',
    cut: 'kubelet keeps 3 (10.96.0.10 1.1.1.1 8.8.8.8)',
    rewrite: 'turns the question db.example.com. into orders.default.svc.cluster.local.',
  },
  'zh-CN': {
    scenario: '场景',
    editor: '清单',
    typo: 'CoreDNS 没有名为 "hots" 的插件',
    cut: 'kubelet 只保留前 3 个（10.96.0.10 1.1.1.1 8.8.8.8）',
    rewrite: '把问题 db.example.com. 改写为 orders.default.svc.cluster.local.',
  },
} as const;

async function pasteCorefile(page: Page, lang: keyof typeof words, phone: boolean) {
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
  }, paste);
  const problems = page.locator('section.diagnostics');
  await expect(problems).toContainText(w.typo);
  await expect(problems).toContainText('manifests.yaml:12:9');
  await expect(problems).toContainText(w.cut);
  return problems;
}

test("a pasted Corefile's rewrite is a step of the walk, said in both languages", async ({ page }) => {
  await pasteCorefile(page, 'en', false);
  await playToEnd(page);
  await expect(inspector(page).locator('.outcome')).toContainText('Delivered to default/orders-');
  await showAllSteps(page);
  // The rewrite is one of the steps at the CoreDNS pod: find it by what the inspector says.
  const atCoreDns = stepList(page).getByRole('button', { name: /pod coredns-/ });
  const said = inspector(page);
  let found = false;
  for (let i = 0; i < (await atCoreDns.count()) && !found; i++) {
    await atCoreDns.nth(i).click();
    found = (await said.textContent())!.includes(words.en.rewrite);
  }
  expect(found).toBe(true);
  await expect(said).toContainText('Corefile line 3');
  await page.screenshot({ path: `${shots}/dns-corefile-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const saidZh = inspector(page, '检查器');
  await expect(saidZh).toContainText(words['zh-CN'].rewrite);
  await expect(saidZh).toContainText('Corefile 第 3 行');
  await page.screenshot({ path: `${shots}/dns-corefile-zh-CN.png` });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the Problems panel names the Corefile line and kubelet's cut (${lang})`, async ({ page }) => {
      const problems = await pasteCorefile(page, lang, true);
      await problems.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/dns-corefile-phone-${lang}.png` });
    });
  }
});
