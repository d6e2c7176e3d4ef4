// The link as a QR code: dark modules on white with the 4-module quiet zone a scanner needs,
// whatever the page's theme.

import { useT } from '../useT';

const quiet = 4;
/** Denser codes get more room (two CSS pixels a module, within bounds), so they still scan off a screen. */
const pxPerModule = 2;
const minWidth = 168;
const maxWidth = 340;

/** `qr`: the code of the link, from src/export's qrCode; null when the link is too long for one. */
export function QrCode({ qr }: { qr: { size: number; path: string } | null }) {
  const t = useT();
  if (!qr) return <p className="qr-too-long">{t('ui.share.qr.tooLong')}</p>;
  const side = qr.size + 2 * quiet;
  const width = Math.min(maxWidth, Math.max(minWidth, side * pxPerModule));
  return (
    <figure className="qr" style={{ width }}>
      <svg viewBox={`0 0 ${side} ${side}`} role="img" aria-label={t('ui.share.qr.label')} width={width} shapeRendering="crispEdges">
        <rect width={side} height={side} fill="#fff" />
        <path d={qr.path} transform={`translate(${quiet} ${quiet})`} fill="#000" />
      </svg>
      <figcaption className="muted">{t('ui.share.qr.hint')}</figcaption>
    </figure>
  );
}
