// What a part of the page shows in its place when it fails while drawing (src/ui/boundary). The
// English record is also the text shown when no catalogue could be loaded at all.

export const boundaryEn = {
  'ui.boundary.stopped': 'This part of the page hit a problem and stopped. Your manifests are safe.',
  'ui.boundary.retry': 'Try again',
  'ui.boundary.details': 'Details',
};

export const boundaryZhCN: Record<keyof typeof boundaryEn, string> = {
  'ui.boundary.stopped': '页面的这一部分出了问题，已停止显示。你的清单没有丢失。',
  'ui.boundary.retry': '重试',
  'ui.boundary.details': '详细信息',
};
