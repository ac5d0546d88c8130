// Types of clean-invariants.mjs, for the tests that share its checks.
export interface ExtractedItem {
  title?: string | null;
  url?: string | null;
  published?: number | null;
  captured?: number | null;
  authors?: string[];
  rights?: string[];
  text: string;
  images?: string[];
}
export declare const FORBIDDEN: ReadonlyArray<[kind: string, pattern: RegExp]>;
export declare function readDump(raw: string): { captured: number; title: string; url: string; body: string } | null;
export declare function showsLeadDate(body: string): boolean;
export declare function rawParagraphs(body: string): string[];
export declare function rawImages(body: string): string[];
export declare function problemsOf(raw: string, item: ExtractedItem): string[];
export declare function checkedFields(item: import('../../src/types.js').Item): ExtractedItem;
