import type { CheckInCreate } from '@crm/contracts';

/**
 * Visit check-in (拜访签到) in the browser: the position the phone gives when the user presses
 * 签到 (pressing it is the consent: nothing is read before), and an address they type or confirm.
 */
export interface CheckInDraft {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  address: string;
}

/** Why no position came: the user (or the browser) refused, no fix, too slow, or no geolocation at all (old browser, or a page not served over HTTPS). */
export type LocateProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** What getCurrentPosition is asked: the GPS if there is one, at most 15 s, never an old fix. */
export const locateOptions: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 };

/** A GeolocationPositionError's code in words (1 denied, 2 unavailable, 3 timeout). */
export function locateProblem(code: number): LocateProblem {
  if (code === 1) return 'denied';
  if (code === 3) return 'timeout';
  return 'unavailable';
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The browser's fix as a draft: six decimals (about 0.1 m) and whole metres are all it means. */
export function draftFromCoords(coords: { latitude: number; longitude: number; accuracy: number }, address = ''): CheckInDraft {
  return { latitude: round(coords.latitude, 6), longitude: round(coords.longitude, 6), accuracyMeters: Math.min(100_000, Math.max(0, Math.round(coords.accuracy))), address };
}

/** What POST /follow-ups takes; an address left empty is left out. */
export function checkInPayload(draft: CheckInDraft): CheckInCreate {
  const address = draft.address.trim();
  return { latitude: draft.latitude, longitude: draft.longitude, accuracyMeters: draft.accuracyMeters, ...(address ? { address } : {}) };
}

/** "31.230416, 121.473701": latitude first, as maps read it. */
export function coordinatesText(latitude: number, longitude: number): string {
  return `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
}

/** The position on Amap (高德地图), which opens the app on a phone; the browser's coordinates are WGS-84. */
export function mapHref(latitude: number, longitude: number): string {
  return `https://uri.amap.com/marker?position=${longitude},${latitude}&coordinate=wgs84&callnative=1`;
}
