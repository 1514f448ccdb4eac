import { median, round } from './stats';

/** One garbage collection as V8 prints it with `--trace-gc --trace-gc-nvp`. */
export interface GcEvent {
  /** V8 isolate address: a process with worker threads (a loader, say) prints lines of several. */
  isolate: string;
  /** Milliseconds since the isolate started. */
  atMs: number;
  /** `s`: scavenge (young generation); `mc`: mark-compact (full); `mmc`: minor mark-compact. */
  kind: string;
  pauseMs: number;
  /** Bytes moved from the young to the old generation: what survived long enough to be kept. */
  promotedBytes: number;
  /** Bytes allocated since the previous collection. */
  allocatedBytes: number;
}

const LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: pause=([\d.]+) .*?\bgc=(\w+)\b/;

/** A GC event out of one line of V8's name=value trace, or null for any other line (logs, other traces). */
export function parseGcLine(line: string): GcEvent | null {
  const match = LINE.exec(line);
  if (!match) return null;
  const field = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(line)?.[1] ?? Number.NaN);
  return {
    isolate: match[1] as string,
    atMs: Number(match[2]),
    kind: match[4] as string,
    pauseMs: Number(match[3]),
    promotedBytes: field('promoted'),
    allocatedBytes: field('allocated'),
  };
}

export interface GcFigures {
  scavenges: number;
  /** Bytes promoted per scavenge, in KB (1,024 bytes): median and maximum. */
  promotedKbMedian: number | null;
  promotedKbMax: number | null;
  /** Scavenge pauses. */
  pauseMsMedian: number | null;
  pauseMsMax: number | null;
  /** Full (mark-compact) collections in the window. */
  markCompacts: number;
  /** V8's allocation over the window (every collection's `allocated`) per request served, in KB. */
  allocatedKbPerRequest: number | null;
}

/**
 * GC figures of one process over a load window. Only the isolate that collected most counts: a loader
 * thread (tsx runs one) has an isolate of its own, idle once the modules are loaded.
 */
export function summariseGc(events: readonly GcEvent[], requests: number): GcFigures {
  const byIsolate = new Map<string, GcEvent[]>();
  for (const event of events) {
    const isolate = byIsolate.get(event.isolate);
    if (isolate) isolate.push(event);
    else byIsolate.set(event.isolate, [event]);
  }
  const main = [...byIsolate.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const scavenges = main.filter((event) => event.kind === 's');
  const kb = (bytes: number) => round(bytes / 1024, 1);
  const promoted = scavenges.map((event) => event.promotedBytes);
  const pauses = scavenges.map((event) => event.pauseMs);
  const allocated = main.reduce((sum, event) => sum + (Number.isFinite(event.allocatedBytes) ? event.allocatedBytes : 0), 0);
  return {
    scavenges: scavenges.length,
    promotedKbMedian: promoted.length > 0 ? kb(median(promoted)) : null,
    promotedKbMax: promoted.length > 0 ? kb(Math.max(...promoted)) : null,
    pauseMsMedian: pauses.length > 0 ? round(median(pauses), 2) : null,
    pauseMsMax: pauses.length > 0 ? round(Math.max(...pauses), 2) : null,
    markCompacts: main.filter((event) => event.kind === 'mc').length,
    allocatedKbPerRequest: requests > 0 && main.length > 0 ? kb(allocated / requests) : null,
  };
}
