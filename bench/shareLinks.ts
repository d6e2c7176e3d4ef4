// How long a share link is for each gallery scenario, as figures: the `#v1.` fragment of the
// state the app writes to the address bar when the scenario opens (its text, packet, step 1), and
// the whole address on a typical host, next to the YAML it carries.
//
//   npx tsx bench/shareLinks.ts   (or npm run bench -- links)

import { readFileSync } from 'node:fs';
import { deriveModel, walkPacket } from '../src/model';
import { encodeShare, shareStateOf } from '../src/share';
import { createAppStore } from '../src/store/appStore';

const root = new URL('../public/scenarios/', import.meta.url);
/** A host and sub-path like a project's GitHub Pages site. */
const host = 'https://example.github.io/packetwalk/index.html';

export async function benchShareLinks(): Promise<void> {
  const gallery = JSON.parse(readFileSync(new URL('index.json', root), 'utf8')) as { id: string; file: string }[];
  console.log('\n# share links: the fragment of each gallery scenario as it opens, and the whole address');
  console.log(`${'scenario'.padEnd(26)} ${'YAML'.padStart(7)} ${'fragment'.padStart(9)} ${'address'.padStart(8)}`);
  const lengths: number[] = [];
  for (const { id, file } of gallery) {
    const text = readFileSync(new URL(file, root), 'utf8');
    const store = createAppStore({ deriveModel, walkPacket });
    store.getState().openScenario(id, text);
    const fragment = await encodeShare(shareStateOf(store.getState()));
    const address = `${host}#${fragment}`.length;
    lengths.push(address);
    console.log(
      `${id.padEnd(26)} ${String(text.length).padStart(7)} ${String(fragment.length).padStart(9)} ${String(address).padStart(8)}`,
    );
  }
  const sorted = [...lengths].sort((a, b) => a - b);
  console.log(`address length: median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted[sorted.length - 1]} characters`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchShareLinks();
