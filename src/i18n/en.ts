// Every English catalogue in one record; its keys are the type of every message key.
// Catalogues still to come (kubeproxy) are added here as they land.
import { boundaryEn } from './catalog/boundary';
import { clusterEn } from './catalog/cluster';
import { densityEn } from './catalog/density';
import { dnsEn } from './catalog/dns';
import { elisionEn } from './catalog/elision';
import { embedEn } from './catalog/embed';
import { exportEn } from './catalog/export';
import { frameEn } from './catalog/frame';
import { ingressEn } from './catalog/ingress';
import { metallbEn } from './catalog/metallb';
import { linkEn } from './catalog/link';
import { manifestEn } from './catalog/manifest';
import { netfilterEn } from './catalog/netfilter';
import { pictureEn } from './catalog/picture';
import { rangesEn } from './catalog/ranges';
import { savingEn } from './catalog/saving';
import { cliEn } from './catalog/cli';
import { nftablesEn } from './catalog/nftables';
import { scenarioEn } from './catalog/scenario';
import { shareEn } from './catalog/share';
import { stepsEn } from './catalog/steps';
import { traceEn } from './catalog/trace';
import { uiEn } from './catalog/ui';

export const en = {
  ...uiEn,
  ...linkEn,
  ...manifestEn,
  ...clusterEn,
  ...rangesEn,
  ...netfilterEn,
  ...traceEn,
  ...dnsEn,
  ...ingressEn,
  ...metallbEn,
  ...scenarioEn,
  ...densityEn,
  ...frameEn,
  ...embedEn,
  ...exportEn,
  ...stepsEn,
  ...pictureEn,
  ...shareEn,
  ...savingEn,
  ...elisionEn,
  ...cliEn,
  ...nftablesEn,
  ...boundaryEn,
};

export type MessageKey = keyof typeof en;
