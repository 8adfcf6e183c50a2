/** Where and under what load a report was measured (see BenchReport.environment). */
import { cpus, loadavg } from 'node:os';
import type { Environment } from './result.ts';
import { median, round } from './stats.ts';

/** A fixed CPU-bound workload in Node: its median time tracks how busy the machine is. */
export function calibrate(): number {
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    let x = 0;
    const values = new Float64Array(200_000);
    for (let i = 0; i < values.length; i++) values[i] = Math.sin(i) * 1e6;
    values.sort();
    for (let i = 0; i < values.length; i++) x += values[i]!;
    if (Number.isNaN(x)) throw new Error('unreachable');
    times.push(performance.now() - started);
  }
  return round(median(times), 2);
}

const load = () => loadavg().map((l) => round(l, 2));

export function environmentAtStart(): Environment {
  return {
    node: process.version,
    cpus: cpus().length,
    loadAverage: { start: load() },
    calibrationMs: { start: calibrate() },
  };
}

export function finishEnvironment(env: Environment, chromium?: string): Environment {
  return {
    ...env,
    ...(chromium ? { chromium } : {}),
    loadAverage: { ...env.loadAverage, end: load() },
    calibrationMs: { ...env.calibrationMs, end: calibrate() },
  };
}
