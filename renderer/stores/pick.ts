// Components subscribe to the fields they show, not to a whole store: `usePick(useSession,
// 'month', 'lang')` re-renders when one of those changes (a shallow comparison), not when
// anything else in the store does.
import type { StoreApi, UseBoundStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';

export function usePick<S extends object, K extends keyof S>(store: UseBoundStore<StoreApi<S>>, ...keys: K[]): Pick<S, K> {
  return store(
    useShallow((s: S) => {
      const out = {} as Pick<S, K>;
      for (const k of keys) out[k] = s[k];
      return out;
    }),
  );
}
