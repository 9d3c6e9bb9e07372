// A view of an object with some members replaced: the port wrappers (a crawl round's store, a guarded crawl, the read model).

/**
 * `target` with `overrides` in place of its members of those names. Every other method is called on `target` itself,
 * through `around` when given (e.g. to record a failure); new members of `target` pass through unchanged.
 */
export function withOverrides<T extends object>(target: T, overrides: Partial<T> | Record<string, unknown>, around?: (call: () => unknown) => unknown): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (Object.hasOwn(overrides, prop)) return (overrides as Record<PropertyKey, unknown>)[prop];
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      if (!around) return value.bind(obj);
      return (...args: unknown[]) => around(() => (value as (...a: unknown[]) => unknown).apply(obj, args));
    },
  });
}
