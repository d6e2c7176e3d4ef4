// Whether the learner's text is kept in this browser: a save that failed, and another tab's
// different version of the text being edited here.

export const savingEn = {
  'ui.saving.failed':
    'Your text is not saved in this browser: its storage is full or blocked. It is only in this tab until you download it.',
  'ui.saving.download': 'Download the text (.yaml)',
  'ui.saving.theirs': 'Another tab saved a different version of this text while you were editing it here.',
  'ui.saving.keepMine': 'Keep this tab’s',
  'ui.saving.takeTheirs': 'Take the other tab’s',
  'ui.saving.keepBoth': 'Keep both (download the other tab’s)',
};

export const savingZhCN: Record<keyof typeof savingEn, string> = {
  'ui.saving.failed': '你的文本没有保存在此浏览器中：存储空间已满或被禁用。在你下载之前，它只存在于这个标签页里。',
  'ui.saving.download': '下载文本（.yaml）',
  'ui.saving.theirs': '你在这里编辑时，另一个标签页保存了这段文本的不同版本。',
  'ui.saving.keepMine': '保留此标签页的版本',
  'ui.saving.takeTheirs': '采用另一个标签页的版本',
  'ui.saving.keepBoth': '两者都保留（下载另一个标签页的版本）',
};
