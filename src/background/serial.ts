/**
 * Runs async work one after another (a popup, a block page, an alarm and a settings change may
 * meet): each call starts once the previous one has settled, failed or not.
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  };
}
