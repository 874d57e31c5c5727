// The entry screen's second view (issue 12): one unit's whole month as a form, beside the grid
// of one programme × all communes. Which view is shown, the unit the form shows, and the element
// whose field had the focus, so switching commune (or view) keeps the position.
import { create } from 'zustand';
import { onDatabaseChange } from './database';

export type EntryView = 'grid' | 'form';

export interface FormState {
  view: EntryView;
  /** The unit the form shows; null: the first unit of the month. */
  unit: string | null;
  /** The element whose field had the focus last. */
  element: string | null;
  /** Counts unit switches, so the form gives the focus back to the field once per switch. */
  switched: number;
}

export const initialForm: FormState = { view: 'grid', unit: null, element: null, switched: 0 };

interface FormActions {
  setView: (view: EntryView) => void;
  /** Another unit; `refocus`: give the focus back to the same element's field there. */
  setUnit: (unit: string, refocus?: boolean) => void;
  setElement: (element: string) => void;
}

export const useForm = create<FormState & FormActions>()((set) => ({
  ...initialForm,
  setView: (view) => set({ view }),
  setUnit: (unit, refocus = true) => set((s) => ({ unit, switched: refocus ? s.switched + 1 : s.switched })),
  setElement: (element) => set({ element }),
}));

// Another database: its units are not this one's.
onDatabaseChange(() => useForm.setState(initialForm));
