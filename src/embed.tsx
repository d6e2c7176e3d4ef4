// The embeddable player (embed.html): a walk to play in someone's page, without the editor or the
// gallery. What it shows and how: src/embed/params.ts and start.ts; talking to the page around
// it: src/embed/messages.ts.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayer } from './anim/player';
import { connectToParent } from './embed/messages';
import { EmbedApp } from './embed/EmbedApp';
import { parseParams } from './embed/params';
import { openSource } from './embed/start';
import { initialLocale, loadCatalogue } from './i18n/i18n';
import { deriveModel, walkPacket } from './model';
import { createAppStore } from './store/appStore';
import { StoreProvider } from './store/react';
import { workerDeriver } from './store/workerClient';
import { applyTheme } from './ui/theme';
import './ui/styles.css';

const params = parseParams(location.search);
applyTheme(location.search, document.documentElement);
const motion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** Only manifests large enough to need it start the worker (and load its code). */
const worker = workerDeriver(() => new Worker(new URL('./store/deriveWorker.ts', import.meta.url), { type: 'module' }));

const locale = initialLocale(location.search, navigator.languages);
// Only this language's messages, asked for now, alongside the scenario: those of a drawn walk, and
// the text's problems too when the manifests tab may show them.
const catalogue = loadCatalogue(locale, params.editor ? 'all' : 'player').catch((err) => console.error('could not load the language', err));

// No storage: the player never reads or writes the reader's own PacketWalk text on this site.
const store = createAppStore({
  deriveModel,
  walkPacket,
  ...worker,
  locale,
  reducedMotion: motion.matches,
});
motion.addEventListener('change', (e) => store.getState().setReducedMotion(e.matches));
startPlayer(store);
connectToParent(store, window);

// A new link in the same frame (its address changed after the #) opens afresh, like a new page.
addEventListener('hashchange', () => location.reload());

const started = openSource(store, params, {
  fetch: (input, init) => fetch(input, init),
  location,
  reducedMotion: motion.matches,
});

// Drawn once the language's messages are here, so it never flashes their keys.
void catalogue.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <StoreProvider store={store}>
        <EmbedApp params={params} started={started} />
      </StoreProvider>
    </StrictMode>,
  ),
);
