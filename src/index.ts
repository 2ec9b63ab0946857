export type * from './core/types.js';
export { sanitizeText, sanitizeLine } from './core/sanitize.js';
