// One at a time: tasks handed to the same queue run in the order they came, each
// starting once the one before has settled, so two read-modify-writes never
// interleave and answers land in the order they were asked for. A task that fails
// fails only its own caller; the queue goes on with the next. The chain of promises
// is a queue, not remembered state: a restarted worker simply starts a new one.

/** Runs `task` after everything handed in before it has settled; resolves or rejects as the task does. */
export type InTurn = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A new, empty queue. `onFailure` hears of each task that fails, after its caller is
 * told (for a log line); the queue itself never stops.
 */
export function serial(onFailure: (error: unknown) => void = () => undefined): InTurn {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task);
    last = run.catch(onFailure);
    return run;
  };
}
