import type { PaginationOptions } from "convex/server";

/** The most rows one page may hold: a client asking for more gets this many (and a cursor for the rest). */
export const MAX_PAGE_SIZE = 100;

/** Every paginated query goes through this, so no caller can ask one page to read the whole history. */
export function clampPage(options: PaginationOptions): PaginationOptions {
  const numItems = Math.min(Math.max(1, Math.floor(options.numItems) || 1), MAX_PAGE_SIZE);
  return { ...options, numItems };
}
