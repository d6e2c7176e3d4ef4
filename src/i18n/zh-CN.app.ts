// The Simplified Chinese messages of en.app.ts, typed by its keys so a missing one fails tsc.
import { convertZhCN } from './catalog/convert';
import { migrateZhCN } from './catalog/migrate';
import { cliZhCN } from './catalog/cli';
import { clusterZh } from './catalog/cluster';
import { exportZhCN } from './catalog/export';
import { gatewayApiZh } from './catalog/gatewayApi';
import { manifestZh } from './catalog/manifest';
import { metallbZh } from './catalog/metallb';
import { netfilterZh } from './catalog/netfilter';
import { envoyGatewayZhCN } from './catalog/envoyGateway';
import { nftablesZhCN } from './catalog/nftables';
import { gatewaySpecZhCN } from './catalog/gatewaySpec';
import { walkFamilyZhCN } from './catalog/walkFamily';
import { nftKernelZhCN } from './catalog/nftKernel';
import { dumpZh } from './catalog/dump';
import { rangesZh } from './catalog/ranges';
import { savingZhCN } from './catalog/saving';
import { shareZhCN } from './catalog/share';
import type { enApp } from './en.app';

export const zhCNApp: Record<keyof typeof enApp, string> = {
  ...manifestZh,
  ...clusterZh,
  ...rangesZh,
  ...dumpZh,
  ...netfilterZh,
  ...metallbZh,
  ...exportZhCN,
  ...shareZhCN,
  ...savingZhCN,
  ...cliZhCN,
  ...nftablesZhCN,
  ...convertZhCN,
  ...migrateZhCN,
  ...gatewayApiZh,
  ...gatewaySpecZhCN,
  ...envoyGatewayZhCN,
  ...walkFamilyZhCN,
  ...nftKernelZhCN,
};
