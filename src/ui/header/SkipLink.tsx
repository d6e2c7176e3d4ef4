// The first tab stop: past the header and the editor, straight to the picture and its controls.

import { useT } from '../useT';

export function SkipLink({ to }: { to: string }) {
  const t = useT();
  return (
    <a
      className="skip-link"
      href={`#${to}`}
      onClick={(e) => {
        // Focus moves without a #fragment left in the address the learner may share.
        e.preventDefault();
        document.getElementById(to)?.focus();
      }}
    >
      {t('ui.frame.skipToPlayer')}
    </a>
  );
}
