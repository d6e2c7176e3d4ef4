// The full app: restore the learner's text, or open on the default scenario.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayer } from './anim/player';
import { initialLocale, type Locale } from './i18n/i18n';
import { deriveModel, traceModel } from './model/model';
import { createAppStore } from './store/appStore';
import { fetchGallery, fetchScenario } from './store/gallery';
import { StoreProvider } from './store/react';
import { localeStorageKey } from './store/slices/locale';
import { workerDeriver } from './store/workerClient';
import { App } from './ui/App';
import './ui/styles.css';

const defaultScenario = 'hostnames';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = safeStorage();
const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
const savedLocale = new URLSearchParams(location.search).has('lang') ? null : (storage?.getItem(localeStorageKey) as Locale | null);

/** Large texts derive in a worker, started when the first one arrives; without one, they derive here. */
const worker = workerDeriver(() => new Worker(new URL('./store/deriveWorker.ts', import.meta.url), { type: 'module' }));

const store = createAppStore({
  deriveModel,
  traceModel,
  ...worker,
  storage,
  locale: savedLocale ?? initialLocale(location.search, navigator.languages),
  reducedMotion: motion.matches,
});
motion.addEventListener('change', (e) => store.getState().setReducedMotion(e.matches));
startPlayer(store);

fetchGallery()
  .then(async (gallery) => {
    store.getState().setGallery(gallery);
    const first = gallery.find((e) => e.id === defaultScenario) ?? gallery[0];
    if (store.getState().restored || !first) return;
    const text = await fetchScenario(first);
    // The learner may have started typing while the scenario loaded.
    if (store.getState().text === '') store.getState().openScenario(first.id, text);
  })
  .catch((err) => console.error('could not load the gallery', err));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
