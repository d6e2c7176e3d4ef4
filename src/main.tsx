// The full app: a link's state when the address carries one (#v1.…), else the learner's text
// restored, else the default scenario. The address then follows the state.

import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayer } from './anim/player';
import { initialLocale, loadCatalogue } from './i18n/i18n';
import { deriveModel, walkPacket } from './model';
import { applyShareState, decodeShare, startUrlSync, writtenHere } from './share';
import { createAppStore } from './store/appStore';
import { fetchGallery, fetchScenario, fetchText } from './store/gallery';
import { StoreProvider } from './store/react';
import { rememberedLocale } from './store/slices/locale';
import { watchPage } from './store/watchPage';
import { budgetFrom, workerDeriver } from './store/workerClient';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/boundary/ErrorBoundary';
import { LinkAlert } from './ui/share/LinkAlert';
import { SharedNote } from './ui/share/SharedNote';
import { afterNextPaint } from './ui/nextFrame';
import { SafeMode } from './ui/saving/SafeMode';
import { TextNotes } from './ui/saving/TextNotes';
import './ui/styles.css';
import './ui/app.css';
import { applyTheme } from './ui/theme';

applyTheme(location.search, document.documentElement);

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

/** Large texts derive in a worker, started when the first one arrives, each within the time budget. */
const budget = budgetFrom(location.search);
const worker = workerDeriver(() => new Worker(new URL('./store/deriveWorker.ts', import.meta.url), { type: 'module' }), budget);

const locale = initialLocale(location.search, navigator.languages, rememberedLocale(storage));
// Only this language's messages, asked for now, alongside the gallery and the scenario.
const catalogue = loadCatalogue(locale);

const store = createAppStore({
  deriveModel,
  walkPacket,
  ...worker,
  storage,
  locale,
  reducedMotion: motion.matches,
  // Nothing is derived before the page is shown: a text that freezes the tab freezes it with its text in view.
  held: true,
  afterPaint: (work) => void afterNextPaint(work),
});
// A first visit (nothing stored, no link) has only the shipped scenario to derive: nothing to hold,
// and its first step is drawn as soon as it comes.
if (!store.getState().restored && !location.hash.startsWith('#v')) store.getState().startDeriving();
motion.addEventListener('change', (e) => store.getState().setReducedMotion(e.matches));
watchPage(store, window);
startPlayer(store);

/** The link in the address, if any: opened over whatever is shown, or why it cannot be. */
async function openLink(): Promise<void> {
  if (!location.hash.startsWith('#v')) return;
  const fragment = location.hash.slice(1);
  const decoded = await decodeShare(fragment);
  if (!decoded.ok) return store.getState().setLinkProblem(decoded.problem);
  // This tab's own address, older than the text it stored since (a reload right after typing): the stored text wins.
  if (writtenHere(fragment) && decoded.state.text !== store.getState().text) return;
  applyShareState(store, decoded.state);
}

// The address is written only once the link it came with is open (or known to be bad);
// a link pasted into the same tab holds the writing again while it is read.
let stopUrlSync = () => {};
const followLink = () => {
  stopUrlSync();
  return openLink()
    .catch((err) => console.error('could not open the link', err))
    .finally(() => (stopUrlSync = startUrlSync(store)));
};
const linkOpened = followLink();
addEventListener('hashchange', () => void followLink());

// A first visit (no stored text, no link) shows the default scenario: its file (named after its
// id, as the embed's ?scenario= reads it) is asked for alongside the gallery, not after it.
const defaultText =
  store.getState().restored || location.hash.startsWith('#v') ? null : fetchText(`./scenarios/${defaultScenario}.yaml`).catch(() => null);

fetchGallery()
  .then(async (gallery) => {
    store.getState().setGallery(gallery);
    const first = gallery.find((e) => e.id === defaultScenario) ?? gallery[0];
    await linkOpened;
    if (store.getState().restored || store.getState().shared || !first) return;
    const text = (first.id === defaultScenario && (await defaultText)) || (await fetchScenario(first));
    // The learner may have started typing while the scenario loaded.
    if (store.getState().text === '') store.getState().openScenario(first.id, text);
  })
  .catch((err) => console.error('could not load the gallery', err));

/** Derives what waited (the restored text, a link's) once the page that shows it has painted. */
function StartDeriving() {
  useEffect(() => afterNextPaint(() => store.getState().startDeriving()), []);
  return null;
}

// Drawn once the link is read (a few milliseconds), so its page never flashes the stored text first,
// and once the language's messages are here, so it never flashes their keys.
void Promise.all([linkOpened, catalogue.catch((err) => console.error('could not load the language', err))]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <StoreProvider store={store}>
        <ErrorBoundary part="notes">
          <div className="notes">
            <LinkAlert />
            <SharedNote />
            <TextNotes />
            <SafeMode budgetSeconds={budget / 1000} />
          </div>
        </ErrorBoundary>
        <App />
        <StartDeriving />
      </StoreProvider>
    </StrictMode>,
  ),
);
