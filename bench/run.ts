// `npm run bench`: every benchmark, printed as figures (never pass/fail).
import { benchCliStart } from './cliStart';
import { benchBigPaste } from './bigPaste';
import { benchBrowserDerive } from './browserDerive';
import { benchMigrateBrowser } from './migrateBrowser';
import { benchChunkBreakdown } from './chunkBreakdown';
import { benchDerive } from './derive';
import { benchDump } from './dump';
import { benchFirstLoad } from './firstLoad';
import { benchGatewayApi } from './gatewayApi';
import { benchGatewayCli } from './gatewayCli';
import { benchGatewayRouting } from './gatewayRouting';
import { benchHostileCli } from './hostileCli';
import { benchHostileBrowser } from './hostileBrowser';
import { benchIngressDns } from './ingressDns';
import { benchKubeProxy } from './kubeproxy';
import { benchLimits, benchModelLimits } from './limits';
import { benchMetalLB } from './metallb';
import { benchMigration } from './migration';
import { benchModes } from './modes';
import { benchNftables } from './nftables';
import { benchNftWalk } from './nftWalk';
import { benchPasteHelp } from './pasteHelp';
import { benchPlayback } from './playback';
import { benchScale } from './scale';
import { benchShareLinks } from './shareLinks';
import { benchTextSave } from './textSave';

console.log(`PacketWalk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
const only = process.argv[2];
if (!only || only === 'derive') benchDerive();
if (!only || only === 'dump') await benchDump(process.argv.slice(3));
if (!only || only === 'kubeproxy') benchKubeProxy();
if (!only || only === 'nftables') benchNftables();
if (!only || only === 'nft-walk') benchNftWalk();
if (!only || only === 'metallb') benchMetalLB();
if (!only || only === 'ingress') benchIngressDns();
if (!only || only === 'gateway-routing') benchGatewayRouting();
if (!only || only === 'gateway-cli') benchGatewayCli();
if (!only || only === 'links') await benchShareLinks();
if (!only || only === 'limits') benchLimits();
if (!only || only === 'paste-help') benchPasteHelp();
if (!only || only === 'gateway-api') benchGatewayApi();
if (!only || only === 'migration') benchMigration();
if (!only || only === 'cli-start') benchCliStart(process.argv.slice(3));
if (!only || only === 'text-save') await benchTextSave();
// Only when named (`npm run bench -- hostile-cli [--root DIR] [--guard MS]`): runs that hang are killed after the guard (20 s).
if (only === 'hostile-cli') await benchHostileCli(process.argv.slice(3));
// Only when named (`npm run bench -- playback --dist DIR`, `-- first-load --dist DIR`, `-- big-paste --dist DIR`): they need a built site.
if (only === 'playback') await benchPlayback(process.argv.slice(3));
// Only when named (`npm run bench -- scale [--sizes 300,3000] [--runs N] [--once-from N] [--only iptables,kernel,kernel-flush,trace,walk]`): minutes, as root for the kernel figure.
if (only === 'scale') benchScale(process.argv.slice(3));
// Only when named (`npm run bench -- modes`): iptables, IPVS and nftables mode side by side at 1,000 and 10,000 Services; a minute or two.
if (only === 'modes') benchModes();
// Only when named (`npm run bench -- browser-derive [--sizes 300,3000,10000] [--runs N]`): minutes in Chromium.
if (only === 'browser-derive') await benchBrowserDerive(process.argv.slice(3));
// Only when named (`npm run bench -- migrate-browser [--dist dist] [--runs N]`): a built site in Chromium.
if (only === 'migrate-browser') await benchMigrateBrowser(process.argv.slice(3));
if (only === 'first-load') await benchFirstLoad(process.argv.slice(3));
// Only when named (`npm run bench -- chunks --dist DIR [--page embed.html] [--also en-]`): a site built with --sourcemap.
if (only === 'chunks') benchChunkBreakdown(process.argv.slice(3));
if (only === 'big-paste') await benchBigPaste(process.argv.slice(3));
// Only when named (`npm run bench -- model-limits [--src DIR] [--timeout S] [--no-browser]`): minutes on the code before the caps.
if (only === 'model-limits') await benchModelLimits(process.argv.slice(3));
// Only when named (`npm run bench -- hostile-browser --dist DIR [--limit 20]`): a built site, a minute or more in Chromium.
if (only === 'hostile-browser') await benchHostileBrowser(process.argv.slice(3));
