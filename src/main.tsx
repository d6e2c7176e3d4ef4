// The full app: restore the learner's text, or open on the default scenario.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayer } from './anim/player';
import { initialLocale, type Locale } from './i18n/i18n';
import { deriveModel, traceModel } from './model/model';
import { createAppStore } from './store/appStore';
import { StoreProvider } from './store/react';
import { localeStorageKey } from './store/slices/locale';
import { App } from './ui/App';
import './ui/styles.css';

const defaultScenario = './scenarios/hostnames.yaml';

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

const store = createAppStore({
  deriveModel,
  traceModel,
  storage,
  locale: savedLocale ?? initialLocale(location.search, navigator.languages),
  reducedMotion: motion.matches,
});
motion.addEventListener('change', (e) => store.getState().setReducedMotion(e.matches));
startPlayer(store);

if (!store.getState().restored) {
  fetch(defaultScenario)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${defaultScenario}`))))
    .then((text) => {
      // The learner may have started typing while the scenario loaded.
      if (store.getState().text === '') store.getState().setText(text);
    })
    .catch((err) => console.error('could not load the default scenario', err));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
