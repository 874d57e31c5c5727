// The database under the window can change while the window stays open: a restore swaps it,
// the first run creates it. Nothing read from the old one may then stay on screen (figures,
// checks, a cell's history, a month's status), and no answer to a question asked of the old
// one may land in a store afterwards. Each store registers how it returns to its initial state;
// `databaseChanged()` runs them all and starts a new generation, and `invoke` (api.ts) drops
// an answer that belongs to an older generation.
import { newGeneration } from '../api';

const resets = new Set<() => void>();

/** Registers how a store forgets everything it read from the database. */
export function onDatabaseChange(reset: () => void): void {
  resets.add(reset);
}

/** The database was swapped or created: every store starts again from its initial state. */
export function databaseChanged(): number {
  const generation = newGeneration();
  for (const reset of resets) reset();
  return generation;
}
