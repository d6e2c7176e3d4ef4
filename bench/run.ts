// `npm run bench`: every benchmark, printed as figures (never pass/fail).
import { benchBigPaste } from './bigPaste';
import { benchDerive } from './derive';
import { benchFirstLoad } from './firstLoad';
import { benchIngressDns } from './ingressDns';
import { benchKubeProxy } from './kubeproxy';
import { benchMetalLB } from './metallb';
import { benchPlayback } from './playback';
import { benchShareLinks } from './shareLinks';

console.log(`PacketWalk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
const only = process.argv[2];
if (!only || only === 'derive') benchDerive();
if (!only || only === 'kubeproxy') benchKubeProxy();
if (!only || only === 'metallb') benchMetalLB();
if (!only || only === 'ingress') benchIngressDns();
if (!only || only === 'links') await benchShareLinks();
// Only when named (`npm run bench -- playback --dist DIR`, `-- first-load --dist DIR`, `-- big-paste --dist DIR`): they need a built site.
if (only === 'playback') await benchPlayback(process.argv.slice(3));
if (only === 'first-load') await benchFirstLoad(process.argv.slice(3));
if (only === 'big-paste') await benchBigPaste(process.argv.slice(3));
