// Types for compare.mjs, so that the regression test (test/core/feeds/corpus.test.ts) can use it.
export interface View {
  feed: Record<string, unknown>;
  items: Array<Record<string, unknown>>;
}
export interface Check {
  scope: 'feed' | 'item' | 'count' | 'date';
  field: string;
  op: 'eq' | 'absent' | 'present';
  index?: number;
  expected?: unknown;
  input?: string;
  [key: string]: unknown;
}
export function cyberreadView(parsed: unknown): View;
export function useTextViews(views: { htmlToLine(s: string): string; htmlToPlainText(s: string): string }): void;
export function agrees(view: View | null, check: Check, parseDate: (s: string) => number | null): boolean;
