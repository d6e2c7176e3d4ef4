// Text drawn into exported pictures: the caption's title and the line under the QR code.

export const exportEn = {
  'ui.export.caption.title': 'Step {current} of {total} — {where}',
  'ui.export.qr': 'Scan to open in PacketWalk',
};

export const exportZhCN: Record<keyof typeof exportEn, string> = {
  'ui.export.caption.title': '第 {current} 步，共 {total} 步——{where}',
  'ui.export.qr': '扫码在 PacketWalk 中打开',
};
