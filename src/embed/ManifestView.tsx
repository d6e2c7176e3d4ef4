// The manifests the walk was computed from, read-only, with line numbers (the listing's own view:
// long texts render only the lines in sight) and their problems; a problem's button shows its line.

import { useMemo } from 'react';
import { useApp } from '../store/react';
import { selectText } from '../store/selectors';
import { DiagnosticsList } from '../ui/editor/DiagnosticsList';
import { Listing } from '../ui/inspector/Listing';
import { useT } from '../ui/useT';

export function ManifestView() {
  const t = useT();
  const text = useApp(selectText);
  const jump = useApp((s) => s.jump);
  const lines = useMemo(() => text.replace(/\n$/, '').split('\n'), [text]);
  return (
    <div className="embed-manifests">
      <Listing caption={t('embed.manifests')} lines={lines} highlight={jump?.line} />
      <DiagnosticsList />
    </div>
  );
}
