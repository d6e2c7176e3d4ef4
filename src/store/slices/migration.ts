// "Migrate to Gateway API": the paste's Ingresses converted and the same requests answered by
// ingress-nginx and by the converted Gateway, computed by the model (in the worker when it holds
// the model), kept in step with the text while the view is open. The UI only reads the facts.

import { migrationComparison } from '../../model';
import type { AppState, GetState, MigrationSlice, SetState, StoreDeps } from '../types';

/** The learner's own requests kept beside the derived ones; the oldest goes first. */
export const MAX_ADDED_REQUESTS = 10;

function compute(set: SetState, get: GetState, deps: StoreDeps): void {
  const s = get();
  if (!s.migrationOpen || !s.shown) return set({ migration: null });
  // The page holds the whole model only when it derived it; otherwise the worker does.
  const full = s.shown.full;
  if (full || !deps.migrateAsync) return set({ migration: full ? (migrationComparison(full, s.migrationAdded) ?? null) : null });
  deps.migrateAsync(s.shown, s.migrationAdded)?.then(
    (migration) => {
      const now = get();
      // Dropped for a newer request, or asked about a model or requests no longer shown.
      if (migration === undefined || now.shown !== s.shown || now.migrationAdded !== s.migrationAdded || !now.migrationOpen) return;
      set({ migration });
    },
    (err) => console.error('comparing the migration in the worker failed', err),
  );
}

export function createMigrationSlice(set: SetState, get: GetState, deps: StoreDeps): MigrationSlice {
  return {
    migrationOpen: false,
    migration: null,
    migrationAdded: [],
    openMigration: (open) => {
      set({ migrationOpen: open, ...(open ? {} : { migration: null }) });
      if (open) compute(set, get, deps);
    },
    addMigrationRequest: (request) => {
      set({ migrationAdded: [...get().migrationAdded, request].slice(-MAX_ADDED_REQUESTS) });
      compute(set, get, deps);
    },
    followMigration: () => compute(set, get, deps),
    openMigrated: () => {
      const s = get();
      const text = s.migration?.text;
      if (!text) return;
      // The whole text replaced as an edit of the editor's own: Ctrl+Z brings the learner's text back.
      const fix = { file: s.fileName, from: 0, to: s.text.length, insert: text };
      set({ edit: { fix, nonce: (s.edit?.nonce ?? 0) + 1 }, migrationOpen: false, migration: null });
      // Without an editor (its code not loaded yet, tests) the text is set here.
      if (get().text === s.text) get().setText(text);
    },
  };
}

/** Whether an open migration view must be computed again: the model shown changed. */
export function migrationToFollow(s: AppState, previous: AppState): boolean {
  return s.migrationOpen && s.shown !== previous.shown;
}
