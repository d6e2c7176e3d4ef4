// Styles of what only the exported picture draws: its background, the packet in SVG (the
// screen's label is HTML, styled in camera.css with the same colours), the caption and the QR
// code. Colours are the theme's variables, resolved with the drawing's.

export const ownCss = `
.picture-bg { fill: var(--bg); }
.picture-dots { fill: var(--border); }
.topology svg { overflow: visible; }
.packet-box { fill: var(--panel); stroke: var(--request); stroke-width: 1.5; filter: drop-shadow(0 2px 4px rgb(0 0 0 / 0.18)); }
.packet-mark.reply .packet-box { stroke: var(--reply); }
.topology .packet-text { font-size: 12px; fill: var(--text); white-space: pre; }
.topology .packet-proto { font-weight: 700; fill: var(--request); }
.packet-mark.reply .packet-proto { fill: var(--reply); }
.topology .packet-was { fill: var(--muted); text-decoration: line-through; }
.packet-now-bg { fill: var(--match); }
.packet-outer-band { fill: var(--overlay); }
.packet-outer.added .packet-outer-band { fill: #c9f2dd; }
.topology .packet-outer .packet-text { fill: #0d6b43; }
.topology .packet-outer.removed .packet-text { fill: var(--muted); text-decoration: line-through; }
.topology .packet-vxlan { font-weight: 700; }
.packet-inner-bar { stroke: var(--overlay-stroke); stroke-width: 3; }
.packet-dot { fill: var(--request); stroke: #fff; stroke-width: 3; }
.packet-halo { fill: var(--request); opacity: 0.25; }
.packet-mark.reply .packet-dot, .packet-mark.reply .packet-halo { fill: var(--reply); }
.caption-bg { fill: var(--panel); }
.caption-rule { stroke: var(--border); }
.caption-title { font-family: var(--sans); font-size: 15px; font-weight: 700; fill: var(--text); }
.caption-body { font-family: var(--sans); font-size: 13px; fill: var(--text); }
.qr-bg { fill: #fff; }
.qr-modules { fill: #000; }
.qr-label { font-family: var(--sans); font-size: 11px; fill: var(--muted); }
`;
