/**
 * What start-up asked for before any page's code ran (main.tsx): the session and the landing
 * page's first data. The signed-in app and the landing page wait for them beside their code, so
 * that a page first renders with its data, in one render React can interrupt (a retry after a
 * lazy import is time-sliced), rather than with a skeleton first and again when the data comes: a
 * query's answer re-renders its page synchronously, in one long task. The wait is bounded: a slow
 * answer leaves the page to show its own skeleton.
 */
const patience = 3000;
let session: Promise<unknown> = Promise.resolve();
let landing: Promise<unknown> = Promise.resolve();

function bounded(promise: Promise<unknown>): Promise<unknown> {
  return Promise.race([promise.catch(() => undefined), new Promise((resolve) => window.setTimeout(resolve, patience))]);
}

export function setStartupData(me: Promise<unknown>, landingData: Promise<unknown>): void {
  session = bounded(me);
  landing = bounded(landingData);
}

/** Settles once the session check has answered (at once after start-up). */
export const sessionReady = (): Promise<unknown> => session;

/** Settles once the landing page's first data has answered (at once for any page opened later). */
export const landingDataReady = (): Promise<unknown> => landing;
