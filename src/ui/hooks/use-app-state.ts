import { useCallback, useRef, useState } from 'react';
import { reducer, type Action, type AppState } from '../state.js';

export interface AppStore {
  state: AppState;
  dispatch: (a: Action) => void;
  /** The state after every action dispatched so far, including those not rendered yet. */
  current: () => AppState;
}

/**
 * The reducer, with the latest state readable at once. Several keys can arrive in one stdin chunk (a paste,
 * a fast typist, tmux send-keys); Ink hands them to the input handler before React renders again, so a
 * handler that read the rendered state would act on the second key with the view of before the first.
 */
export function useAppState(init: () => AppState): AppStore {
  const ref = useRef<AppState | null>(null);
  if (ref.current === null) ref.current = init();
  const [state, setState] = useState<AppState>(ref.current);
  const dispatch = useCallback((a: Action): void => {
    const prev = ref.current as AppState;
    const next = reducer(prev, a);
    if (next === prev) return;
    ref.current = next;
    setState(next);
  }, []);
  const current = useCallback((): AppState => ref.current as AppState, []);
  return { state, dispatch, current };
}
