// How a long value is shortened wherever a message echoes it (src/i18n/format.ts): a pasted
// 5 MB string or a 100 kB name is shown as its beginning and its length, never whole.

export const elisionEn = {
  'value.elided': '{head}… ({length} characters)',
} as const;

export const elisionZh: Record<keyof typeof elisionEn, string> = {
  'value.elided': '{head}…（共 {length} 个字符）',
};
