// Whether the learner's text is kept in this browser: a save that failed, another tab's
// different version of the text being edited here, and a text kept but not computed (safe mode).

export const savingEn = {
  'ui.saving.failed':
    'Your text is not saved in this browser: its storage is full or blocked. It is only in this tab until you download it.',
  'ui.saving.download': 'Download the text (.yaml)',
  'ui.saving.theirs': 'Another tab saved a different version of this text while you were editing it here.',
  'ui.saving.keepMine': 'Keep this tab’s',
  'ui.saving.takeTheirs': 'Take the other tab’s',
  'ui.saving.keepBoth': 'Keep both (download the other tab’s)',
  'ui.saving.notComputed.froze':
    'Last time, the page stopped responding while it computed this text, so it is not computed now. Your text is kept in the editor: change it, or try again.',
  'ui.saving.notComputed.timeout':
    'This text was too much to compute: it was stopped after {seconds} seconds. Your text is kept in the editor: change it, or try again.',
  'ui.saving.notComputed.failed':
    'This text could not be computed: the browser ran out of memory or hit an error. Your text is kept in the editor: change it, or try again.',
  'ui.saving.tryAgain': 'Try again',
};

export const savingZhCN: Record<keyof typeof savingEn, string> = {
  'ui.saving.failed': '你的文本没有保存在此浏览器中：存储空间已满或被禁用。在你下载之前，它只存在于这个标签页里。',
  'ui.saving.download': '下载文本（.yaml）',
  'ui.saving.theirs': '你在这里编辑时，另一个标签页保存了这段文本的不同版本。',
  'ui.saving.keepMine': '保留此标签页的版本',
  'ui.saving.takeTheirs': '采用另一个标签页的版本',
  'ui.saving.keepBoth': '两者都保留（下载另一个标签页的版本）',
  'ui.saving.notComputed.froze': '上次计算这段文本时页面停止了响应，所以这次没有计算它。你的文本保留在编辑器中：可以修改它，或者重试。',
  'ui.saving.notComputed.timeout': '这段文本的计算量太大：计算在 {seconds} 秒后被停止。你的文本保留在编辑器中：可以修改它，或者重试。',
  'ui.saving.notComputed.failed': '无法计算这段文本：浏览器内存不足或出现错误。你的文本保留在编辑器中：可以修改它，或者重试。',
  'ui.saving.tryAgain': '重试',
};
