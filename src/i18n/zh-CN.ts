// Every Simplified Chinese catalogue; typed by the English keys so a missing key fails tsc.
import { boundaryZhCN } from './catalog/boundary';
import { clusterZh } from './catalog/cluster';
import { densityZh } from './catalog/density';
import { dnsZh } from './catalog/dns';
import { elisionZh } from './catalog/elision';
import { embedZhCN } from './catalog/embed';
import { exportZhCN } from './catalog/export';
import { frameZh } from './catalog/frame';
import { ingressZh } from './catalog/ingress';
import { metallbZh } from './catalog/metallb';
import { linkZhCN } from './catalog/link';
import { manifestZh } from './catalog/manifest';
import { netfilterZh } from './catalog/netfilter';
import { pictureZh } from './catalog/picture';
import { rangesZh } from './catalog/ranges';
import { savingZhCN } from './catalog/saving';
import { cliZhCN } from './catalog/cli';
import { nftablesZhCN } from './catalog/nftables';
import { scenarioZh } from './catalog/scenario';
import { shareZhCN } from './catalog/share';
import { stepsZh } from './catalog/steps';
import { traceZh } from './catalog/trace';
import { uiZh } from './catalog/ui';
import type { MessageKey } from './en';

export const zhCN: Record<MessageKey, string> = {
  ...uiZh,
  ...linkZhCN,
  ...manifestZh,
  ...clusterZh,
  ...rangesZh,
  ...netfilterZh,
  ...traceZh,
  ...dnsZh,
  ...ingressZh,
  ...metallbZh,
  ...scenarioZh,
  ...densityZh,
  ...frameZh,
  ...embedZhCN,
  ...exportZhCN,
  ...stepsZh,
  ...pictureZh,
  ...shareZhCN,
  ...savingZhCN,
  ...elisionZh,
  ...cliZhCN,
  ...nftablesZhCN,
  ...boundaryZhCN,
};
