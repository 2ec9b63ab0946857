import { createContext, useContext } from 'react';
import { DEFAULT_KEYMAP, type Keymap } from './keymap.js';

/**
 * The key table in effect (the settings' "keys" over the defaults), given by App from its services, for the
 * views that tell people which key to press. Without a provider (component tests): the defaults.
 */
export const KeymapContext = createContext<Keymap>(DEFAULT_KEYMAP);

export function useKeymap(): Keymap {
  return useContext(KeymapContext);
}
