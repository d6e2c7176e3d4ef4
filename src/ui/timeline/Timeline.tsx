import { useT } from '../useT';
import { PacketChooser } from './PacketChooser';
import { PlaybackControls } from './PlaybackControls';

export function Timeline() {
  const t = useT();
  return (
    <section className="timeline" aria-label={t('ui.timeline.label')}>
      <PacketChooser />
      <PlaybackControls />
    </section>
  );
}
