// Edits that are still open when the user moves elsewhere. A screen holding one (a grid cell
// being typed into, a comment being written) registers how to finish it; the session calls
// `leaving()` before it changes the tab, the month or the programme, so the edit is committed
// to the cell, month and unit where it began, while the screen still shows them.
type Finish = () => void;

const open = new Set<Finish>();

/** Registers what finishes an open edit; returns the function that unregisters it. */
export function onLeave(finish: Finish): () => void {
  open.add(finish);
  return () => {
    open.delete(finish);
  };
}

/** Finishes every open edit, synchronously (each starts its save before the view changes). */
export function leaving(): void {
  for (const finish of [...open]) finish();
}
