/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) that a self-time summary needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  /** Share of the sampled time spent in it (not counting idle). */
  share: number;
}

/** Where a function lives, coarsely: a package, a gateway source folder, Node's internals, or V8 (GC, native). */
export function moduleGroup(url: string): string {
  if (url === '') return '(native, GC, program)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1] as string;
  // Node's own modules by name: async_hooks (AsyncLocalStorage), streams and sockets, module loading…
  if (url.startsWith('node:')) return `node ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  const distMatch = /\/dist\/(.+?)\/[^/]+$/.exec(url) ?? /\/dist\/([^/]+)$/.exec(url);
  if (distMatch) return `gateway ${distMatch[1]}`;
  return url;
}

/**
 * Self time per key (what each function or module group itself ran, callees excluded), as shares of the
 * busy time: idle samples are left out, since a server waiting for work is not a cost.
 */
export function selfTimes(profile: CpuProfile, keyOf: (frame: CpuProfile['nodes'][number]['callFrame']) => string, top: number): SelfTime[] {
  const frameById = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = frameById.get(nodeId);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    busy += delta;
    const key = keyOf(frame);
    totals.set(key, (totals.get(key) ?? 0) + delta);
  });
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, time]) => ({ name, share: busy > 0 ? time / busy : 0 }));
}
