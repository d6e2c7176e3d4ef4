// A link the page was opened with: why it could not be opened, and the note shown while the
// editor holds someone else's shared text.

export const linkEn = {
  'ui.link.problem.corrupt': 'This link could not be opened: it looks cut short or changed. Check that you copied all of it.',
  'ui.link.problem.unknown-version': 'This link was made by a newer version of PacketWalk, so this one cannot open it.',
  'ui.link.problem.too-large': 'This link holds more than PacketWalk can open (over 2 MB of manifests).',
  'ui.link.problem.not-a-state': 'This link could not be opened: it does not describe manifests and a packet to follow.',
  'ui.link.alert': '{problem} Your own manifests were not touched.',
  'ui.link.dismiss': 'Dismiss',
  'ui.link.shared': 'You opened a shared link. Your own manifests are kept apart: editing this text does not change them.',
};

export const linkZhCN: Record<keyof typeof linkEn, string> = {
  'ui.link.problem.corrupt': '无法打开此链接：它似乎被截断或改动过。请检查是否完整复制了链接。',
  'ui.link.problem.unknown-version': '此链接由更新版本的 PacketWalk 生成，当前版本无法打开。',
  'ui.link.problem.too-large': '此链接包含的内容超出了 PacketWalk 能打开的大小（清单超过 2 MB）。',
  'ui.link.problem.not-a-state': '无法打开此链接：其中没有可用的清单和要跟踪的数据包。',
  'ui.link.alert': '{problem}你自己的清单没有被改动。',
  'ui.link.dismiss': '关闭',
  'ui.link.shared': '你打开的是一个分享链接。你自己的清单单独保存，编辑这段文本不会改变它们。',
};
