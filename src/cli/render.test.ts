// `packetwalk render`: the picture of a step written to a file (main() in this process; the PNG,
// which starts Chromium from the built command, is in process.test.ts).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n';
import { declaredWalk, deriveModel, walkPacket } from '../model';
import { root, runMain } from './runCli';

const hostnames = 'public/scenarios/hostnames.yaml';
const out = mkdtempSync(join(tmpdir(), 'packetwalk-render-'));

const run = (args: string[]) => runMain(['render', ...args]);

/** The walk the command draws, as the model makes it. */
function hostnamesWalk() {
  const text = readFileSync(join(root, hostnames), 'utf8');
  const { from, to } = declaredWalk([{ name: hostnames, text }]).walk!.flags;
  return walkPacket(deriveModel([{ name: hostnames, text }]), { from: from!, to: to! });
}

const unescape = (s: string) =>
  s
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('packetwalk render', () => {
  it('draws step 3 of hostnames as an SVG: its chain ladder, the packet rewritten, the caption', async () => {
    const file = join(out, 'hostnames-3.svg');
    const { code, err } = await run(['-f', hostnames, '--step', '3', '--caption', '-o', file]);
    expect(err).toContain(`wrote ${file}`);
    expect(code).toBe(0);
    const svg = unescape(readFileSync(file, 'utf8'));
    const trace = hostnamesWalk();
    const step = trace.steps[2];
    expect(step.at.element).toBe('netfilter');
    // The ladder opened at the hook, and the packet's label with NAT's new destination.
    expect(svg).toContain(t('en', 'ui.ladder.title', { hook: step.at.hook!, node: step.at.node! }));
    expect(step.after.dst).not.toBe(step.before.dst);
    expect(svg).toContain(`${step.before.dst}:${step.before.dport}</text>`);
    expect(svg).toMatch(new RegExp(`class="mono packet-text packet-now"[^>]*>${step.after.dst}:${step.after.dport}</text>`));
    expect(svg).toContain(`Step 3 of ${trace.steps.length} — netfilter ${step.at.hook} on ${step.at.node}`);
    // Self-contained: the styles' variables resolved, the Latin font inside.
    expect(svg).not.toContain('var(--');
    expect(svg).toMatch(/@font-face\{font-family:'Noto Sans Mono'[^}]*src:url\(data:font\/woff2;base64,/);
  });

  it("with --proxy-mode nftables draws the DNAT hop through kube-proxy's nftables chains, to the endpoint the walk chose", async () => {
    const file = join(out, 'hostnames-nft.svg');
    const { code } = await run(['-f', hostnames, '--proxy-mode', 'nftables', '--step', '3', '--caption', '-o', file]);
    expect(code).toBe(0);
    const svg = unescape(readFileSync(file, 'utf8'));
    const text = readFileSync(join(root, hostnames), 'utf8');
    const { from, to } = declaredWalk([{ name: hostnames, text }]).walk!.flags;
    const step = walkPacket(deriveModel([{ name: hostnames, text }], { proxyMode: 'nftables' }), { from: from!, to: to! }).steps[2];
    expect(step.rule?.text).toMatch(/^add rule ip kube-proxy endpoint-\S+ meta l4proto tcp dnat to /);
    // The ladder names kube-proxy's chains down to the endpoint chain, not iptables' KUBE-SERVICES.
    expect(svg).toContain('>nat-prerouting');
    expect(svg).toContain(`>${step.rule!.chain.slice(0, 30)}`);
    expect(svg).not.toContain('KUBE-SERVICES');
    expect(svg).toMatch(new RegExp(`class="mono packet-text packet-now"[^>]*>${step.after.dst}:${step.after.dport}</text>`));
  });

  it('in Chinese embeds the Chinese font faces the text needs, as data: URLs', async () => {
    const file = join(out, 'hostnames-zh.svg');
    expect((await run(['-f', hostnames, '--step', '5', '--lang', 'zh-CN', '--caption', '-o', file])).code).toBe(0);
    const svg = readFileSync(file, 'utf8');
    const step = hostnamesWalk().steps[4];
    expect(svg).toContain(t('zh-CN', 'ui.ladder.title', { hook: step.at.hook!, node: step.at.node! }));
    const faces = [
      ...svg.matchAll(/@font-face\{font-family:'Noto Sans SC'[^}]*src:url\(data:font\/woff2;base64,[^)]*\)[^}]*unicode-range:([^}]*)\}/g),
    ];
    // Every Chinese character drawn falls in one of the embedded faces' ranges.
    const covered = (c: string) =>
      faces.some(([, ranges]) =>
        ranges.split(',').some((r) => {
          const [lo, hi = lo] = r.trim().replace(/^U\+/i, '').split('-');
          const p = c.codePointAt(0)!;
          return p >= parseInt(lo, 16) && p <= parseInt(hi, 16);
        }),
      );
    // Drawn text: not the style sheet, the tooltips (<title>, shown by the viewer in its own font) or attributes.
    const drawn = svg.replace(/<style>[\s\S]*<\/style>|<title>[^<]*<\/title>|<[^>]*>/g, ' ');
    const chinese = [...new Set(drawn.match(/[\u4e00-\u9fff]/g))];
    expect(chinese.length).toBeGreaterThan(10);
    expect(chinese.filter((c) => !covered(c))).toEqual([]);
  });

  it('refuses a step outside the walk, and says which steps there are', async () => {
    const { code, err } = await run(['-f', hostnames, '--step', '99', '-o', join(out, 'nope.svg')]);
    expect(code).toBe(2);
    expect(err).toContain(`packetwalk: --step 99: the walk has steps 1 to ${hostnamesWalk().steps.length}\n`);
    expect(existsSync(join(out, 'nope.svg'))).toBe(false);
    expect((await run(['-f', hostnames, '--format', 'gif', '-o', join(out, 'nope.gif')])).code).toBe(2);
    expect((await run(['-f', hostnames])).err).toContain('render needs -o OUT');
  });
});
