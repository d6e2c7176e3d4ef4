import { stackedQuery, useMediaQuery } from '../useMediaQuery';
import { useT } from '../useT';
import { PacketChooser } from './PacketChooser';
import { PlaybackControls } from './PlaybackControls';

export function Timeline() {
  const t = useT();
  // On a phone Play and Step come first, right under the picture; which packet, below them.
  const stacked = useMediaQuery(stackedQuery);
  return (
    <section className="timeline" aria-label={t('ui.timeline.label')}>
      {!stacked && <PacketChooser />}
      <PlaybackControls />
      {stacked && <PacketChooser />}
    </section>
  );
}
