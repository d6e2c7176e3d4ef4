// The Simplified Chinese messages of en.ts, typed by its keys so a missing one fails tsc.
import { boundaryZhCN } from './catalog/boundary';
import { densityZh } from './catalog/density';
import { dnsZh } from './catalog/dns';
import { elisionZh } from './catalog/elision';
import { embedZhCN } from './catalog/embed';
import { frameZh } from './catalog/frame';
import { fixesZh } from './catalog/fixes';
import { ingressZh } from './catalog/ingress';
import { ingressCanaryZhCN } from './catalog/ingressCanary';
import { externalLbZh } from './catalog/externalLb';
import { linkZhCN } from './catalog/link';
import { nftKernelWalkZhCN } from './catalog/nftKernelWalk';
import { modeCompareZhCN } from './catalog/modeCompare';
import { gatewayTesterZhCN } from './catalog/gatewayTester';
import { nftablesWalkZhCN } from './catalog/nftablesWalk';
import { gatewayWalkZhCN } from './catalog/gatewayWalk';
import { gatewayObjectsZhCN } from './catalog/gatewayObjects';
import { envoyGatewayWalkZhCN } from './catalog/envoyGatewayWalk';
import { pictureZh } from './catalog/picture';
import { scenarioZh } from './catalog/scenario';
import { stepsZh } from './catalog/steps';
import { traceZh } from './catalog/trace';
import { uiZh } from './catalog/ui';
import type { en } from './en';

export const zhCN: Record<keyof typeof en, string> = {
  ...uiZh,
  ...linkZhCN,
  ...traceZh,
  ...dnsZh,
  ...ingressZh,
  ...ingressCanaryZhCN,
  ...externalLbZh,
  ...scenarioZh,
  ...densityZh,
  ...frameZh,
  ...embedZhCN,
  ...stepsZh,
  ...pictureZh,
  ...elisionZh,
  ...boundaryZhCN,
  ...fixesZh,
  ...nftablesWalkZhCN,
  ...gatewayWalkZhCN,
  ...gatewayObjectsZhCN,
  ...envoyGatewayWalkZhCN,
  ...modeCompareZhCN,
  ...gatewayTesterZhCN,
  ...nftKernelWalkZhCN,
};
