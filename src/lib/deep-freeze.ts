/**
 * Freezes a plain-data value all the way down (objects and arrays; typed
 * arrays cannot be frozen). An already frozen object is taken as frozen
 * throughout, so shared frozen subtrees are not walked again.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
