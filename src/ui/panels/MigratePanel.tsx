// "Your Ingress, migrated": the Ingresses as written beside what ingress2gateway makes of them, the
// conversion's notes, and the same requests answered by ingress-nginx and by the converted Gateway,
// each differing row marked. Every fact comes from the store's comparison (the model's); this only
// renders it, untrusted text as text.

import { useState } from 'react';
import { translateExplanation } from '../../i18n/i18n';
import {
  INGRESS2GATEWAY_VERSION,
  parseHeaderLines,
  type HttpRequest,
  type MigrationComparison,
  type MigrationRow,
  type NginxAnswer,
  type RouteDecision,
} from '../../model';
import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import { useT } from '../useT';
import './migrate.css';

const statusClass = (status: number) => `status-${status === 0 ? 5 : Math.floor(status / 100)}xx`;

function NginxCell({ a }: { a: NginxAnswer }) {
  const t = useT();
  const locale = useApp(selectLocale);
  return (
    <td className={`answer ${statusClass(a.status)}`} data-label={t('ui.migrate.colNginx')}>
      <strong>{a.status}</strong>
      {a.ingress && a.rule && (
        <div className="mono" data-raw>
          {t('ui.migrate.ingressRule', { ingress: a.ingress, path: a.rule.path, pathType: a.rule.pathType })}
        </div>
      )}
      {a.backend && <div className="mono">{t('ui.migrate.backend', { backend: a.backend })}</div>}
      {a.upstreamPath && <div className="mono">{t('ui.migrate.upstream', { path: a.upstreamPath })}</div>}
      {a.location && <div className="mono">{t('ui.migrate.location', { location: a.location })}</div>}
      <div className="why">{translateExplanation(locale, a.reason)}</div>
    </td>
  );
}

function GatewayCell({ d, upstreamPath }: { d: RouteDecision; upstreamPath: string | undefined }) {
  const t = useT();
  const locale = useApp(selectLocale);
  return (
    <td className={`answer ${statusClass(d.status)}`} data-label={t('ui.migrate.colGateway')}>
      <strong>{d.status === 0 ? t('ui.migrate.refused') : d.status}</strong>
      {d.route && d.rule !== undefined && (
        <div className="mono" data-raw>
          {t('ui.migrate.routeRule', { route: d.route, rule: d.rule + 1 })}
        </div>
      )}
      {d.backend && <div className="mono">{t('ui.migrate.backend', { backend: `${d.backend.service}:${d.backend.port}` })}</div>}
      {upstreamPath && <div className="mono">{t('ui.migrate.upstream', { path: upstreamPath })}</div>}
      {d.location && <div className="mono">{t('ui.migrate.location', { location: d.location })}</div>}
      <div className="why">{translateExplanation(locale, d.reason)}</div>
    </td>
  );
}

function Row({ row }: { row: MigrationRow }) {
  const t = useT();
  const { request: r } = row;
  return (
    <tr className={row.differs.length ? 'differs' : undefined}>
      <td>
        <div className="mono" data-raw>
          {r.method ?? 'GET'} {r.scheme}://{r.host}
          {r.path}
        </div>
        {r.headers?.map((h, i) => (
          <div key={i} className="mono muted" data-raw>
            {h.name}: {h.value}
          </div>
        ))}
        <div className="muted">{t(`ui.migrate.probe.${r.probe}`)}</div>
      </td>
      <NginxCell a={row.nginx} />
      <GatewayCell d={row.gateway} upstreamPath={row.gatewayUpstreamPath} />
      <td className="diff" data-label={t('ui.migrate.colDiff')}>
        {row.differs.length ? row.differs.map((d) => <div key={d}>{t(`ui.migrate.differs.${d}`)}</div>) : t('ui.migrate.same')}
      </td>
    </tr>
  );
}

/** The learner's request: a method, an http(s) URL and headers; an unreadable URL says so. */
function AddRequest({ onAdd }: { onAdd: (r: HttpRequest) => void }) {
  const t = useT();
  const [method, setMethod] = useState('GET');
  const [url, setUrl] = useState('');
  const [headers, setHeaders] = useState('');
  const [bad, setBad] = useState(false);
  const add = () => {
    let u: URL;
    try {
      u = new URL(url.trim());
    } catch {
      return setBad(true);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return setBad(true);
    setBad(false);
    onAdd({
      scheme: u.protocol === 'https:' ? 'https' : 'http',
      host: u.host,
      path: u.pathname + u.search,
      method: method.trim().toUpperCase() || 'GET',
      headers: parseHeaderLines(headers),
    });
  };
  return (
    <form
      className="request-form migrate-add"
      aria-label={t('ui.migrate.add')}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label>
        {t('ui.migrate.method')}
        <input className="mono method" value={method} spellCheck={false} onChange={(e) => setMethod(e.target.value)} />
      </label>
      <label>
        {t('ui.migrate.url')}
        <input
          className="mono"
          value={url}
          placeholder="https://shop.example.test/api/orders"
          spellCheck={false}
          aria-invalid={bad || undefined}
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <label>
        {t('ui.migrate.headers')}
        <textarea className="mono" rows={2} value={headers} spellCheck={false} onChange={(e) => setHeaders(e.target.value)} />
      </label>
      <button type="submit">{t('ui.migrate.addButton')}</button>
      {bad && (
        <p className="bad" role="alert">
          {t('ui.migrate.badUrl')}
        </p>
      )}
    </form>
  );
}

function Comparison({ m }: { m: MigrationComparison }) {
  const t = useT();
  const add = useApp((s) => s.addMigrationRequest);
  const openMigrated = useApp((s) => s.openMigrated);
  const differing = m.rows.filter((r) => r.differs.length).length;
  return (
    <>
      <div className="migrate-yaml">
        <figure>
          <figcaption>{t('ui.migrate.original')}</figcaption>
          <pre className="mono" data-raw tabIndex={0}>
            {m.original}
          </pre>
        </figure>
        <figure>
          <figcaption>{t('ui.migrate.converted')}</figcaption>
          <pre className="mono" data-raw tabIndex={0}>
            {m.converted}
          </pre>
        </figure>
      </div>
      <p>
        <button type="button" className="primary" onClick={openMigrated} disabled={!m.text}>
          {t('ui.migrate.openConverted')}
        </button>{' '}
        <span className="muted">{t('ui.migrate.kept')}</span>
      </p>
      <h4>{t('ui.migrate.notes')}</h4>
      <ul className="migrate-notes">
        {m.addedClasses.map((name) => (
          <li key={name} className="info">
            {t('ui.migrate.addedClass', { name })}
          </li>
        ))}
        {m.notes.map((n, i) => (
          <li key={i} className={n.severity}>
            {n.line !== undefined && <span className="muted">{t('ui.migrate.noteAt', { line: n.line })} </span>}
            {t(n.key, n.params)}
          </li>
        ))}
      </ul>
      <h4>{t('ui.migrate.requests')}</h4>
      <p role="status">
        {differing
          ? t('ui.migrate.summary', { count: differing, total: m.rows.length })
          : t('ui.migrate.summaryNone', { total: m.rows.length })}
      </p>
      <div className="migrate-table-wrap">
        <table className="migrate-table" aria-label={t('ui.migrate.requests')}>
          <thead>
            <tr>
              <th scope="col">{t('ui.migrate.colRequest')}</th>
              <th scope="col">{t('ui.migrate.colNginx')}</th>
              <th scope="col">{t('ui.migrate.colGateway')}</th>
              <th scope="col">{t('ui.migrate.colDiff')}</th>
            </tr>
          </thead>
          <tbody>
            {m.rows.map((row, i) => (
              <Row key={i} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('ui.migrate.add')}</h4>
      <AddRequest onAdd={add} />
    </>
  );
}

export function MigratePanel() {
  const t = useT();
  const migration = useApp((s) => s.migration);
  const close = useApp((s) => s.openMigration);
  return (
    <section className="float-panel migrate-panel" aria-label={t('ui.migrate.title')}>
      <header>
        <h3>{t('ui.migrate.title')}</h3>
        <button type="button" className="ghost" onClick={() => close(false)}>
          {t('ui.panel.close')}
        </button>
      </header>
      <p className="muted">{t('ui.migrate.intro', { version: INGRESS2GATEWAY_VERSION })}</p>
      {migration ? <Comparison m={migration} /> : <p role="status">{t('ui.migrate.computing')}</p>}
    </section>
  );
}
