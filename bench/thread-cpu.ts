import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per thread of this process while something runs (Linux: /proc/self/task/<tid>/stat), to tell the
 * import's own thread from its verify workers and from V8's and libuv's helper threads. Threads that end before
 * the last sample (the workers, closed at the end of an import) keep their last sampled time, so sample often.
 * Elsewhere it measures nothing and says so.
 */
export interface ThreadCpu {
  /** Reads every thread's time now (cheap: a few small files). */
  sample(): void;
  /** Seconds of CPU since creation: this thread, threads started since (busiest first), and the others. */
  summary(): { main: number; started: number[]; others: number } | null;
}

const TICKS_PER_SECOND = 100;

function readTicks(tid: string): number | null {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null; // the thread ended
  }
}

export function threadCpu(): ThreadCpu {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return { sample: () => undefined, summary: () => null };
  }
  const before = new Map<string, number>();
  for (const tid of tids) before.set(tid, readTicks(tid) ?? 0);
  const last = new Map<string, number>();
  const sample = (): void => {
    for (const tid of readdirSync('/proc/self/task')) {
      const ticks = readTicks(tid);
      if (ticks !== null) last.set(tid, ticks);
    }
  };
  return {
    sample,
    summary() {
      sample();
      const main = String(process.pid);
      const seconds = (tid: string): number =>
        ((last.get(tid) ?? 0) - (before.get(tid) ?? 0)) / TICKS_PER_SECOND;
      const started = [...last.keys()].filter((tid) => !before.has(tid)).map(seconds);
      const others = [...before.keys()].filter((tid) => tid !== main).map(seconds);
      return {
        main: seconds(main),
        started: started.sort((a, b) => b - a),
        others: others.reduce((a, b) => a + b, 0),
      };
    },
  };
}
