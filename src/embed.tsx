// The embeddable player: the topology, playback and inspector for a scenario, no editor.
// `?scenario=NAME` picks a file under scenarios/ (default: hostnames); `?lang=` the language.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayer } from './anim/player';
import { initialLocale } from './i18n/i18n';
import { deriveModel, traceModel } from './model/model';
import { createAppStore } from './store/appStore';
import { StoreProvider } from './store/react';
import { Inspector } from './ui/inspector/Inspector';
import { Timeline } from './ui/timeline/Timeline';
import { Topology } from './ui/topology/Topology';
import { useDocumentLang } from './ui/useDocumentLang';
import { useKeyboard } from './ui/useKeyboard';
import './ui/styles.css';

const params = new URLSearchParams(location.search);
const scenario = (params.get('scenario') ?? 'hostnames').replace(/[^a-z0-9-]/gi, '');

const store = createAppStore({
  deriveModel,
  traceModel,
  locale: initialLocale(location.search, navigator.languages),
  reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
});
startPlayer(store);

fetch(`./scenarios/${scenario}.yaml`)
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${scenario}`))))
  .then((text) => store.getState().openScenario(scenario, text))
  .catch((err) => console.error('could not load the scenario', err));

function Embed() {
  useKeyboard();
  useDocumentLang();
  return (
    <div className="embed">
      <Topology />
      <Timeline />
      <Inspector />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <Embed />
    </StoreProvider>
  </StrictMode>,
);
