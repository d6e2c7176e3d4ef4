// The Ingress request tester: a scheme, host and path; ingress-nginx's verdict on every rule
// (from the model's ingressDecision), its answer, and a button that walks the request.

import { useMemo, useState } from 'react';
import { translateExplanation } from '../../i18n/i18n';
import { ingressDecision, type Model } from '../../model';
import type { ModelView } from '../../store/view';
import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import { useT } from '../useT';

type Scheme = 'http' | 'https';

/** The request the tester opens with: the URL being walked, else the first rule with a host. */
function initialRequest(
  model: Pick<Model, 'ingress'>,
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
  return { scheme: 'http', host: row?.host && !row.host.startsWith('*') ? row.host : 'localhost', path: row?.path || '/' };
}

export function IngressTester({ model, onClose }: { model: ModelView; onClose: () => void }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const to = useApp((s) => s.spec?.to);
  const setTo = useApp((s) => s.setTo);
  const play = useApp((s) => s.play);
  const [request, setRequest] = useState(() => initialRequest(model, to));
  const result = useMemo(() => ingressDecision(model, request), [model, request]);
  const walk = () => {
    setTo({ kind: 'url', url: `${request.scheme}://${request.host}${request.path.startsWith('/') ? '' : '/'}${request.path}` });
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
      <p className="muted">{t('ui.ingressTester.intro')}</p>
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
        <button type="submit" className="primary">
          {t('ui.ingressTester.walk')}
        </button>
      </form>
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
