/**
 * Reading a Chromium trace (Playwright's browser.startTracing): self time per trace event
 * name on each busy thread of the page's renderer, so work that a CPU profile does not name
 * (style, layout, paint, image decoding, raster, GC) shows up too.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string } };
}

export interface ThreadSummary {
  thread: string;
  busyMs: number;
  events: { name: string; selfMs: number }[];
}

export function summariseTrace(json: string, top = 12): ThreadSummary[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // The page's renderer: the process whose main thread dispatched the most events.
  const dispatches = new Map<number, number>();
  for (const e of events)
    if (e.name === 'EventDispatch') dispatches.set(e.pid, (dispatches.get(e.pid) ?? 0) + 1);
  const renderer = [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0];
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== renderer || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const summaries: ThreadSummary[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { end: number; name: string }[] = [];
    let busy = 0;
    for (const e of list) {
      while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
      else busy += e.dur! / 1000;
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
      stack.push({ end: e.ts + e.dur!, name: e.name });
    }
    summaries.push({
      thread: names.get(key) ?? key,
      busyMs: busy,
      events: [...self]
        .map(([name, selfMs]) => ({ name, selfMs }))
        .sort((a, b) => b.selfMs - a.selfMs)
        .slice(0, top),
    });
  }
  return summaries.filter((s) => s.busyMs >= 1).sort((a, b) => b.busyMs - a.busyMs);
}

export function formatTraceSummary(summaries: ThreadSummary[]): string {
  return summaries
    .slice(0, 6)
    .map(
      (s) =>
        `${s.thread}: busy ${s.busyMs.toFixed(0)} ms\n` +
        s.events.map((e) => `  ${e.selfMs.toFixed(1).padStart(8)} ms  ${e.name}`).join('\n'),
    )
    .join('\n');
}
