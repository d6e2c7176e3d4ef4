// The page's frame: the skip link, the editor's collapse button, and the tabs that hold the
// inspector's parts and the editor on a phone.

export const frameEn = {
  'ui.frame.skipToPlayer': 'Skip to the player',
  'ui.frame.hideEditor': 'Hide the editor',
  'ui.frame.showEditor': 'Show the editor',
  'ui.frame.tabs': 'What to show below the player',
  'ui.frame.tab.step': 'This step',
  'ui.frame.tab.steps': 'Steps',
  'ui.frame.tab.rules': 'Rules',
  'ui.frame.tab.editor': 'Manifests',
};

export const frameZh: Record<keyof typeof frameEn, string> = {
  'ui.frame.skipToPlayer': '跳到播放器',
  'ui.frame.hideEditor': '隐藏编辑器',
  'ui.frame.showEditor': '显示编辑器',
  'ui.frame.tabs': '播放器下方显示的内容',
  'ui.frame.tab.step': '本步',
  'ui.frame.tab.steps': '步骤',
  'ui.frame.tab.rules': '规则',
  'ui.frame.tab.editor': '清单',
};
