// The English messages only the app's editor, its dialogs and the CLI show: the text's problems
// (`diag.*`), the cluster's events, sharing, saving, image export and the command's own words.
// The embed player draws a walk without them (en.ts), so it does not download them.
import { convertEn } from './catalog/convert';
import { migrateEn } from './catalog/migrate';
import { cliEn } from './catalog/cli';
import { clusterEn } from './catalog/cluster';
import { exportEn } from './catalog/export';
import { gatewayApiEn } from './catalog/gatewayApi';
import { manifestEn } from './catalog/manifest';
import { metallbEn } from './catalog/metallb';
import { netfilterEn } from './catalog/netfilter';
import { envoyGatewayEn } from './catalog/envoyGateway';
import { nftablesEn } from './catalog/nftables';
import { gatewaySpecEn } from './catalog/gatewaySpec';
import { walkFamilyEn } from './catalog/walkFamily';
import { nftKernelEn } from './catalog/nftKernel';
import { dumpEn } from './catalog/dump';
import { rangesEn } from './catalog/ranges';
import { savingEn } from './catalog/saving';
import { shareEn } from './catalog/share';

export const enApp = {
  ...manifestEn,
  ...clusterEn,
  ...rangesEn,
  ...dumpEn,
  ...netfilterEn,
  ...metallbEn,
  ...exportEn,
  ...shareEn,
  ...savingEn,
  ...cliEn,
  ...nftablesEn,
  ...convertEn,
  ...migrateEn,
  ...gatewayApiEn,
  ...gatewaySpecEn,
  ...envoyGatewayEn,
  ...walkFamilyEn,
  ...nftKernelEn,
};
