import { useCallback, useRef, useState } from 'react';
import { reducer, type Action, type AppState } from '../state.js';

export interface AppStore {
  /** The state of the last render. */
  state: AppState;
  dispatch: (a: Action) => void;
  /** The state after every action dispatched so far, including those not rendered yet. */
  current: () => AppState;
  /**
   * Runs `fn` with its actions rendered once at the end. Ink batches the actions of its input handler;
   * keys handled outside it (held back from a paste, see use-keys) would otherwise render once per action.
   */
  batch: (fn: () => void) => void;
}

/**
 * The reducer, with the latest state readable at once: one key can dispatch several actions (a language
 * switch, then back), and each must see the ones before it, which React has not rendered yet. (Keys of one
 * stdin chunk are handled a frame apart: see use-keys.)
 */
export function useAppState(init: () => AppState): AppStore {
  const ref = useRef<AppState | null>(null);
  if (ref.current === null) ref.current = init();
  const [state, setState] = useState<AppState>(ref.current);
  const batching = useRef(0);
  const dispatch = useCallback((a: Action): void => {
    const prev = ref.current as AppState;
    const next = reducer(prev, a);
    if (next === prev) return;
    ref.current = next;
    if (batching.current === 0) setState(next);
  }, []);
  const current = useCallback((): AppState => ref.current as AppState, []);
  const batch = useCallback((fn: () => void): void => {
    const before = ref.current;
    batching.current++;
    try {
      fn();
    } finally {
      batching.current--;
      if (batching.current === 0 && ref.current !== before) setState(ref.current as AppState);
    }
  }, []);
  return { state, dispatch, current, batch };
}
