import type { ReaderSource } from '../../src/sources/reader/ReaderSource';

/** A reader source that records every call made to it (method and arguments), passing each through. */
export function countingReaderSource(source: ReaderSource): { source: ReaderSource; calls: { method: string; args: unknown[] }[] } {
  const calls: { method: string; args: unknown[] }[] = [];
  const counted = new Proxy(source, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        calls.push({ method: String(property), args });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { source: counted, calls };
}
