// A diagnostic's fix in the Problems list: the text the model suggests, to apply or to copy.

export const fixesEn = {
  'ui.fix.text': 'Suggested text',
  'ui.fix.apply': 'Apply fix',
  'ui.fix.copy': 'Copy',
  'ui.fix.copied': 'Copied.',
};

export const fixesZh: Record<keyof typeof fixesEn, string> = {
  'ui.fix.text': '建议的文本',
  'ui.fix.apply': '应用修复',
  'ui.fix.copy': '复制',
  'ui.fix.copied': '已复制。',
};
