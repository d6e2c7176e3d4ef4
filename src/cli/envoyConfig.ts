// `packetwalk envoy-config`: Envoy's view of each Gateway Envoy Gateway serves, as JSON.
import { envoyConfigs, type EnvoyConfig, type Model } from '../model';
import { CliError, UsageError } from './errors';
import { elide, listSome, say } from './messages';

/** `--gateway NAMESPACE/NAME`, checked before any file is read. */
export function parseGatewayKey(text: string): string {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/.test(text))
    throw new UsageError(say('cli.usage.gateway', { value: elide(text) }));
  return text;
}

/** The one Gateway asked for, else every one of Envoy Gateway's (a list); none is an error that says what to write. */
export function envoyConfigJson(model: Model, gateway: string | undefined): string {
  const api = model.gatewayApi;
  const configs = api ? envoyConfigs(api, { services: model.state.services, endpointSlices: model.state.endpointSlices }) : [];
  if (configs.length === 0) throw new CliError(say('cli.envoy.none'));
  let printed: EnvoyConfig | EnvoyConfig[] = configs;
  if (gateway !== undefined) {
    const one = configs.find((c) => c.gateway === gateway);
    if (!one) throw new CliError(say('cli.envoy.unknown', { gateway, names: listSome(configs.map((c) => c.gateway)) }));
    printed = one;
  }
  return JSON.stringify(printed, null, 2) + '\n';
}
