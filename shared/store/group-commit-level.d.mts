// Types of group-commit-level.mjs (plain JavaScript, so the store's process starts without a loader).
/** The `Level` class given, with writes grouped into batches and point reads made synchronous; `options` join every open. */
export function groupCommitLevel<T extends abstract new (...args: never[]) => object>(Base: T, options?: Record<string, unknown>): T;
