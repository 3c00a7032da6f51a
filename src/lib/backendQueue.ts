// tfjs has one global active backend. Work that switches it around an await (the SE chapter's two paths, the
// backend self-test) must not interleave: a second run would start on the first one's temporary backend, restore
// that one at its end, and leave the whole site there; a model run in between would find its input on the wrong
// backend. Everything that switches, and whatever must see the site's own backend meanwhile, goes through this
// one queue. (A network's predict switches to its weights' backend without an await, so it needs no queue.)
import * as tf from "@tensorflow/tfjs-core";

let tail: Promise<unknown> = Promise.resolve();

/** Runs `f` once every earlier queued call has settled; a failure reaches only its own caller. */
export function queued<T>(f: () => Promise<T>): Promise<T> {
  const result = tail.then(f);
  tail = result.catch(() => undefined);
  return result;
}

/**
 * Runs `f` (queued) with `name` as the active backend and restores the one active before, also when starting
 * `name` or `f` fails. `f` must not call `queued` or `onBackend` itself: it would wait for its own end.
 */
export function onBackend<T>(name: string, f: () => Promise<T>): Promise<T> {
  return queued(async () => {
    const previous = tf.getBackend();
    try {
      if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start its ${name} backend`);
      return await f();
    } finally {
      if (previous && previous !== tf.getBackend()) await tf.setBackend(previous);
    }
  });
}
