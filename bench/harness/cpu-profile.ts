/** Reading a V8 CPU profile (CDP Profiler.stop): where the main thread's time went. */

/** The parts of CDP's Profiler.Profile read here. */
export interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

/** Self and total (inclusive) time per function, summed over every place it was called. */
export function hotFunctions(profile: Profile): HotFunction[] {
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    // A sample's time is the gap to the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + ms);
  });
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    return `${f.functionName || '(anonymous)'}\t${file ? `${file}:${f.lineNumber + 1}` : ''}`;
  };
  const rows = new Map<string, { self: number; total: number }>();
  for (const [id, ms] of self) {
    // Inclusive time goes to each distinct function on the sample's stack once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      const row = rows.get(k) ?? { self: 0, total: 0 };
      if (at === id) row.self += ms;
      if (!seen.has(k)) row.total += ms;
      seen.add(k);
      rows.set(k, row);
    }
  }
  return [...rows]
    .map(([k, r]) => {
      const [name, where] = k.split('\t') as [string, string];
      return { name, where, selfMs: r.self, totalMs: r.total };
    })
    .filter((r) => r.name !== '(root)');
}

export function formatHotFunctions(rows: HotFunction[], by: 'selfMs' | 'totalMs', top = 25) {
  const busy = rows.filter((r) => r.name !== '(idle)' && r.name !== '(program)');
  const all = rows.filter((r) => r.name !== '(idle)').reduce((sum, r) => sum + r.selfMs, 0);
  return [...busy]
    .sort((a, b) => b[by] - a[by])
    .slice(0, top)
    .map(
      (r) =>
        `${r[by].toFixed(1).padStart(8)} ms ${((r[by] / all) * 100).toFixed(1).padStart(5)}%  ${r.name}  ${r.where}`,
    )
    .join('\n');
}
