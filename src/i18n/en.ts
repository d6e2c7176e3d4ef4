// The English messages a drawn walk shows (the picture, its steps, the player's frame): all the
// embed loads. Those only the editor, the CLI and the app's dialogs show are in en.app.ts, loaded
// where those are. A new catalogue goes here unless no walk ever shows it: a key the player lacks
// would show as itself.
import { boundaryEn } from './catalog/boundary';
import { densityEn } from './catalog/density';
import { dnsEn } from './catalog/dns';
import { elisionEn } from './catalog/elision';
import { embedEn } from './catalog/embed';
import { frameEn } from './catalog/frame';
import { fixesEn } from './catalog/fixes';
import { ingressEn } from './catalog/ingress';
import { ingressCanaryEn } from './catalog/ingressCanary';
import { externalLbEn } from './catalog/externalLb';
import { linkEn } from './catalog/link';
import { nftKernelWalkEn } from './catalog/nftKernelWalk';
import { modeCompareEn } from './catalog/modeCompare';
import { gatewayTesterEn } from './catalog/gatewayTester';
import { nftablesWalkEn } from './catalog/nftablesWalk';
import { gatewayWalkEn } from './catalog/gatewayWalk';
import { gatewayObjectsEn } from './catalog/gatewayObjects';
import { envoyGatewayWalkEn } from './catalog/envoyGatewayWalk';
import { pictureEn } from './catalog/picture';
import { scenarioEn } from './catalog/scenario';
import { stepsEn } from './catalog/steps';
import { traceEn } from './catalog/trace';
import { uiEn } from './catalog/ui';
import type { enApp } from './en.app';

export const en = {
  ...uiEn,
  ...linkEn,
  ...traceEn,
  ...dnsEn,
  ...ingressEn,
  ...ingressCanaryEn,
  ...externalLbEn,
  ...scenarioEn,
  ...densityEn,
  ...frameEn,
  ...embedEn,
  ...stepsEn,
  ...pictureEn,
  ...elisionEn,
  ...boundaryEn,
  ...fixesEn,
  ...nftablesWalkEn,
  ...gatewayWalkEn,
  ...gatewayObjectsEn,
  ...envoyGatewayWalkEn,
  ...modeCompareEn,
  ...gatewayTesterEn,
  ...nftKernelWalkEn,
};

/** Every message key, the player's and the app's. */
export type MessageKey = keyof typeof en | keyof typeof enApp;
