// The request tester: a scheme, host, path, method and headers; ingress-nginx's verdict on every
// rule (the model's ingressDecision) and its answer, or a Gateway's decision (the model's
// routeRequest): listener, route, rule, match, what the filters did, the backend. A button walks it.

import { useMemo, useState } from 'react';
import { translateExplanation } from '../../i18n/i18n';
import {
  ingressDecision,
  parseHeaderLines,
  requestPort,
  routeRequest,
  type GatewayApiModel,
  type HttpHeader,
  type Model,
  type RouteDecision,
} from '../../model';
import type { ModelView } from '../../store/view';
import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import { useT } from '../useT';

type Scheme = 'http' | 'https';

/** The request the tester opens with: the URL being walked, else the first rule with a host. */
function initialRequest(
  model: Pick<Model, 'ingress' | 'gatewayApi'>,
  to: { kind: string; url?: string } | undefined,
): { scheme: Scheme; host: string; path: string } {
  if (to?.kind === 'url' && to.url) {
    try {
      const u = new URL(to.url);
      return { scheme: u.protocol === 'https:' ? 'https' : 'http', host: u.hostname, path: u.pathname + u.search };
    } catch {
      // Not a URL the browser reads: fall through to the rules.
    }
  }
  const rows = model.ingress?.rows ?? [];
  const row = rows.find((r) => r.host && !r.host.startsWith('*') && r.pathType !== 'defaultBackend') ?? rows[0];
  // Without an Ingress, the first hostname a Gateway's routes serve.
  const routeHost = model.gatewayApi?.gateways
    .flatMap((g) => g.listeners.flatMap((l) => l.routes.flatMap((r) => r.hostnames)))
    .find((h) => !h.startsWith('*'));
  const host = row?.host && !row.host.startsWith('*') ? row.host : (routeHost ?? 'localhost');
  return { scheme: 'http', host, path: row?.path || '/' };
}

const headerText = (headers: HttpHeader[]) => headers.map((h) => `${h.name}: ${h.value}`).join(', ');

/** The Gateway's decision, as the walk's Envoy step tells it. */
function GatewayAnswer({ d }: { d: RouteDecision }) {
  const t = useT();
  const locale = useApp(selectLocale);
  return (
    <div className={`http-answer status-${d.status === 0 ? 5 : Math.floor(d.status / 100)}xx`} role="status">
      {d.status === 0 ? (
        <strong>{t('ui.gatewayTester.refused')}</strong>
      ) : (
        <strong>{t('ui.ingressTester.status', { status: d.status })}</strong>
      )}{' '}
      {translateExplanation(locale, d.reason)}
      {d.listener && (
        <div className="mono" data-raw>
          {t('ui.gatewayTester.listener', { listener: d.listener })}
        </div>
      )}
      {d.route && d.rule !== undefined && (
        <div className="mono" data-raw>
          {t('ui.gatewayTester.route', { route: d.route, rule: d.rule + 1, match: (d.match ?? 0) + 1 })}
        </div>
      )}
      {d.location && <div className="mono">{t('ui.ingressTester.redirect', { location: d.location })}</div>}
      {d.rewritten?.path && <div className="mono">{t('ui.gatewayTester.rewrittenPath', { path: d.rewritten.path })}</div>}
      {d.rewritten?.host && <div className="mono">{t('ui.gatewayTester.rewrittenHost', { host: d.rewritten.host })}</div>}
      {d.requestHeaders && (
        <div className="mono" data-raw>
          {t('ui.gatewayTester.requestHeaders', { headers: headerText(d.requestHeaders) })}
        </div>
      )}
      {d.responseHeaders && (
        <div className="mono" data-raw>
          {t('ui.gatewayTester.responseHeaders', { headers: headerText(d.responseHeaders) })}
        </div>
      )}
      {d.backend && (
        <div className="mono">
          {t('ui.gatewayTester.backend', {
            service: d.backend.service,
            port: d.backend.port,
            weight: d.backend.weight,
            total: d.backend.totalWeight,
          })}
        </div>
      )}
    </div>
  );
}

/** `nginx` or a Gateway's `namespace/name`: who answers the tester. */
type Answerer = string;
const NGINX = '';

function firstAnswerer(model: Pick<Model, 'ingress'>, gateways: GatewayApiModel | undefined): Answerer {
  return model.ingress ? NGINX : (gateways?.gateways[0]?.key ?? NGINX);
}

export function IngressTester({ model, onClose }: { model: ModelView; onClose: () => void }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const to = useApp((s) => s.spec?.to);
  const setTo = useApp((s) => s.setTo);
  const play = useApp((s) => s.play);
  const api = model.gatewayApi;
  const [request, setRequest] = useState(() => initialRequest(model, to));
  const [method, setMethod] = useState(() => (to?.kind === 'url' && to.method) || 'GET');
  const [headerLines, setHeaderLines] = useState(() =>
    to?.kind === 'url' ? (to.headers ?? []).map((h) => `${h.name}: ${h.value}`).join('\n') : '',
  );
  const [by, setBy] = useState<Answerer>(() => firstAnswerer(model, api));
  const headers = useMemo(() => parseHeaderLines(headerLines), [headerLines]);
  const full = useMemo(() => ({ ...request, method: method.trim().toUpperCase() || 'GET', headers }), [request, method, headers]);
  const gateway = by !== NGINX && api?.gateways.some((g) => g.key === by) ? by : undefined;
  const result = useMemo(() => (gateway ? undefined : ingressDecision(model, full)), [model, full, gateway]);
  const decision = useMemo(
    () => (gateway && api ? routeRequest(api, gateway, { ...full, port: requestPort(full) }, 0) : undefined),
    [api, gateway, full],
  );
  const walk = () => {
    const url = `${request.scheme}://${request.host}${request.path.startsWith('/') ? '' : '/'}${request.path}`;
    setTo({ kind: 'url', url, ...(full.method !== 'GET' ? { method: full.method } : {}), ...(headers.length ? { headers } : {}) });
    play();
    // The walk is the point now: give the drawing back.
    onClose();
  };
  return (
    <section className="float-panel ingress-tester" aria-label={t('ui.ingressTester.title')}>
      <header>
        <h3>{t('ui.ingressTester.title')}</h3>
        <button type="button" className="ghost" onClick={onClose}>
          {t('ui.panel.close')}
        </button>
      </header>
      <p className="muted">{t(gateway ? 'ui.gatewayTester.intro' : 'ui.ingressTester.intro')}</p>
      {api && api.gateways.length > 0 && (
        <label className="tester-by">
          {t('ui.gatewayTester.by')}{' '}
          <select value={gateway ?? NGINX} onChange={(e) => setBy(e.target.value)}>
            {model.ingress && <option value={NGINX}>{t('ui.gatewayTester.nginx')}</option>}
            {api.gateways.map((g) => (
              <option key={g.key} value={g.key}>
                {t('ui.gatewayTester.gateway', { gateway: g.key })}
              </option>
            ))}
          </select>
        </label>
      )}
      <form
        className="request-form"
        onSubmit={(e) => {
          e.preventDefault();
          walk();
        }}
      >
        <label>
          {t('ui.ingressTester.scheme')}
          <select value={request.scheme} onChange={(e) => setRequest({ ...request, scheme: e.target.value as Scheme })}>
            <option value="http">http</option>
            <option value="https">https</option>
          </select>
        </label>
        <label>
          {t('ui.ingressTester.host')}
          <input
            className="mono"
            value={request.host}
            spellCheck={false}
            onChange={(e) => setRequest({ ...request, host: e.target.value })}
          />
        </label>
        <label>
          {t('ui.ingressTester.path')}
          <input
            className="mono"
            value={request.path}
            spellCheck={false}
            onChange={(e) => setRequest({ ...request, path: e.target.value })}
          />
        </label>
        <label>
          {t('ui.gatewayTester.method')}
          <input className="mono tester-method" value={method} spellCheck={false} onChange={(e) => setMethod(e.target.value)} />
        </label>
        <label>
          {t('ui.gatewayTester.headers')}
          <textarea className="mono" rows={2} value={headerLines} spellCheck={false} onChange={(e) => setHeaderLines(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('ui.ingressTester.walk')}
        </button>
      </form>
      {decision && <GatewayAnswer d={decision} />}
      {result && (
        <>
          <div className={`http-answer status-${Math.floor(result.httpStatus / 100)}xx`} role="status">
            <strong>{t('ui.ingressTester.status', { status: result.httpStatus })}</strong> {translateExplanation(locale, result.reason)}
            {result.location && <div className="mono">{t('ui.ingressTester.redirect', { location: result.location })}</div>}
            {result.nginxLocation && (
              <div className="mono">{t('ui.ingressTester.location', { location: result.nginxLocation, server: result.server })}</div>
            )}
            {result.backend && (
              <div>
                {t('ui.ingressTester.backend', { service: result.backend.service, port: result.backend.port })}{' '}
                <span className="mono" data-raw={result.backend.endpoints.length ? true : undefined}>
                  {result.backend.endpoints.length
                    ? result.backend.endpoints.map((e) => `${e.address}:${e.port}${e.pod ? ` (${e.pod.split('/')[1]})` : ''}`).join(', ')
                    : t('ui.ingressTester.noEndpoints')}
                </span>
              </div>
            )}
          </div>
          <table className="decision-table" aria-label={t('ui.ingressTester.decisions')}>
            <thead>
              <tr>
                <th scope="col">{t('ui.ingressTester.colIngress')}</th>
                <th scope="col">{t('ui.ingressTester.colHost')}</th>
                <th scope="col">{t('ui.ingressTester.colPath')}</th>
                <th scope="col">{t('ui.ingressTester.colPathType')}</th>
                <th scope="col">{t('ui.ingressTester.colVerdict')}</th>
                <th scope="col">{t('ui.ingressTester.colWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {result.decisions.map((d, i) => (
                <tr key={i} className={`verdict-${d.verdict}`}>
                  <td className="mono" data-raw>
                    {d.ingress}
                  </td>
                  <td className="mono" data-raw={d.host ? true : undefined}>
                    {d.host || t('ui.ingressTester.anyHost')}
                  </td>
                  <td className="mono" data-raw>
                    {d.path}
                  </td>
                  <td className="mono" data-raw>
                    {d.pathType}
                  </td>
                  <td className="verdict">{t(`ui.ingressTester.verdict.${d.verdict}`)}</td>
                  <td>{translateExplanation(locale, d.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
