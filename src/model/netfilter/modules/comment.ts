// -m comment --comment TEXT: matches everything; iptables-save quotes the text when needed.

import { saveString } from '../tokenize';
import { issue, type MatchModule } from './module';

export const commentMatch: MatchModule<{ comment?: string }> = {
  name: 'comment',
  options: { comment: 1 },
  init: () => ({}),
  option(state, _name, values) {
    if (state.comment !== undefined) return issue('netfilter.duplicateOption', { option: '--comment' });
    if (values[0].length > 255) return issue('netfilter.badValue', { option: '--comment', value: values[0] });
    state.comment = values[0];
    return undefined;
  },
  save: (state) => (state.comment === undefined ? '' : ` --comment ${saveString(state.comment)}`),
  match: () => true,
};
