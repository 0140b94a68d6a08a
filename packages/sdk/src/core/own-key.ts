/**
 * Sets `o[key] = value` as an own, enumerable data property. For objects built from user data:
 * a plain assignment of the key `__proto__` would change the object's prototype instead of adding
 * the key (a `__proto__` parameter or plugin field is valid in Argo).
 */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
