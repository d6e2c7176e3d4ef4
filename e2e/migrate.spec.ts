/// <reference lib="dom" />
// "Migrate to Gateway API": the paste's Ingresses beside their converted form, the same requests
// through ingress-nginx and the converted Gateway with the differences marked, a request of the
// learner's, then the converted YAML opened (Ctrl+Z brings the Ingress back) and the request
// tester answering for the Gateway. In English and Chinese, at a desktop's and a phone's width.

import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { open, replaceText, shots } from './helpers';

const scenario = readFileSync('public/scenarios/ingress-migrate.yaml', 'utf8');

const words = {
  en: {
    editor: 'Manifests',
    open: 'Migrate to Gateway API',
    title: 'Your Ingress, migrated',
    upstream: 'Another path upstream',
    status: 'Another status',
    url: 'URL',
    add: 'Add to the table',
    yours: 'yours',
    openConverted: 'Open the converted YAML',
    tester: 'HTTP request tester',
    by: 'Answered by',
    scheme: 'Scheme',
    path: 'Path',
    route: 'HTTPRoute default/shop-shop-example-test, rule 1, match 1',
    rewritten: 'Path rewritten to /$2',
  },
  'zh-CN': {
    editor: '清单',
    open: '迁移到 Gateway API',
    title: '你的 Ingress，迁移之后',
    upstream: '发往上游的路径不同',
    status: '状态码不同',
    url: 'URL',
    add: '加入表格',
    yours: '你添加的',
    openConverted: '打开转换后的 YAML',
    tester: 'HTTP 请求测试',
    by: '由谁回答',
    scheme: '协议',
    path: '路径',
    route: 'HTTPRoute default/shop-shop-example-test，第 1 条规则，第 1 个匹配',
    rewritten: '路径改写为 /$2',
  },
};

for (const [lang, w] of Object.entries(words)) {
  test(`the migration view compares both answers, and the tester answers for the converted Gateway (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, `?lang=${lang}`);
    await replaceText(page, scenario, w.editor);
    await page.getByRole('button', { name: w.open }).click();
    const view = page.getByRole('region', { name: w.title });
    await expect(view.locator('.migrate-yaml pre').first()).toContainText('kind: Ingress');
    await expect(view.locator('.migrate-yaml pre').last()).toContainText('kind: HTTPRoute');
    await page.screenshot({ path: `${shots}/migrate-${lang}-1440-yaml.png` });

    // nginx fills rewrite-target's /$2 from its capture group; the converted URLRewrite sends it as written.
    const sample = view.locator('tbody tr', { hasText: 'GET https://shop.example.test/api/sample' });
    await expect(sample).toHaveClass(/differs/);
    await expect(sample.locator('td.diff')).toHaveText(w.upstream);
    await expect(sample.locator('td.answer').first()).toContainText('/sample');
    await expect(sample.locator('td.answer').last()).toContainText('/$2');
    // ingress2gateway's 308 redirect route is refused by the standard channel: http gets 404 from the Gateway.
    const http = view.locator('tbody tr', { hasText: 'GET http://shop.example.test/api/sample' });
    await expect(http.locator('td.diff')).toHaveText(w.status);
    await expect(http.locator('td.answer').first()).toContainText('308');
    await expect(http.locator('td.answer').last()).toContainText('404');

    await view.getByRole('textbox', { name: w.url }).fill('https://shop.example.test/API/orders');
    await view.getByRole('button', { name: w.add }).click();
    const mine = view.locator('tbody tr').last();
    await expect(mine).toContainText('GET https://shop.example.test/API/orders');
    await expect(mine).toContainText(w.yours);
    await page.screenshot({ path: `${shots}/migrate-${lang}-1440.png` });
    // axe on the view: no serious or critical violation.
    const { violations } = await new AxeBuilder({ page }).include('.migrate-panel').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await view.evaluate((el) => el.scrollTo(0, 0));
    // On a phone the two YAML blocks stack.
    const [a, b] = await view.locator('.migrate-yaml pre').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(b!).toBeGreaterThan(a!);
    await page.screenshot({ path: `${shots}/migrate-${lang}-390.png` });
    await view.locator('tbody tr.differs').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/migrate-${lang}-390-table.png` });
    await page.setViewportSize({ width: 1440, height: 900 });

    await view.getByRole('button', { name: w.openConverted }).click();
    await expect(view).toBeHidden();
    const editor = page.getByRole('textbox', { name: w.editor });
    // The paste has no Ingress now (nothing left to migrate), and its Gateway answers the tester.
    await expect(page.getByRole('button', { name: w.open })).toBeHidden();
    // The learner's text was replaced as one edit: Ctrl+Z brings the Ingresses back, Ctrl+Shift+Z the conversion again.
    await editor.focus();
    await page.keyboard.press('Control+z');
    await expect(editor).toContainText('kind: Ingress');
    await page.keyboard.press('Control+Shift+z');
    await expect(editor).not.toContainText('kind: Ingress');
    await page.getByRole('button', { name: w.tester }).click();
    const tester = page.getByRole('region', { name: w.tester });
    await expect(tester.getByRole('combobox', { name: w.by })).toHaveValue('default/nginx');
    await tester.getByRole('combobox', { name: w.scheme }).selectOption('https');
    await tester.getByRole('textbox', { name: w.path }).fill('/api/orders');
    const answer = tester.getByRole('status');
    await expect(answer).toContainText('HTTP 200');
    await expect(answer).toContainText(w.route);
    await expect(answer).toContainText(w.rewritten);
    await page.screenshot({ path: `${shots}/migrate-tester-${lang}-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/migrate-tester-${lang}-390.png` });
  });
}
