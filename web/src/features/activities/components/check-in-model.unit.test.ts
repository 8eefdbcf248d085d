import { describe, expect, it } from 'vitest';
import { checkInPayload, coordinatesText, draftFromCoords, locateOptions, locateProblem, mapHref } from './check-in-model';
import { composerPayload, emptyComposer } from './follow-up-model';

const draft = { latitude: 31.230416, longitude: 121.473701, accuracyMeters: 12, address: '  人民大道200号 ' };

describe('visit check-in in the browser', () => {
  it('asks for a fresh, precise fix within 15 seconds', () => {
    expect(locateOptions).toEqual({ enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 });
  });

  it('names why no position came, by the error code', () => {
    expect([1, 2, 3, 99].map(locateProblem)).toEqual(['denied', 'unavailable', 'timeout', 'unavailable']);
  });

  it('keeps six decimals and whole metres, within what the server takes', () => {
    expect(draftFromCoords({ latitude: 31.2304161234, longitude: 121.4737009876, accuracy: 12.6 })).toEqual({ latitude: 31.230416, longitude: 121.473701, accuracyMeters: 13, address: '' });
    expect(draftFromCoords({ latitude: 0, longitude: 0, accuracy: 250_000 }).accuracyMeters).toBe(100_000);
  });

  it('sends the trimmed address, or none', () => {
    expect(checkInPayload(draft)).toEqual({ latitude: 31.230416, longitude: 121.473701, accuracyMeters: 12, address: '人民大道200号' });
    expect(checkInPayload({ ...draft, address: '   ' })).toEqual({ latitude: 31.230416, longitude: 121.473701, accuracyMeters: 12 });
  });

  it('goes with a visit only: a draft kept after the kind changed is not sent', () => {
    expect(composerPayload(12, { ...emptyComposer('visit'), content: '拜访', checkIn: draft }).checkIn).toEqual(checkInPayload(draft));
    expect(composerPayload(12, { ...emptyComposer('call'), content: '电话', checkIn: draft })).not.toHaveProperty('checkIn');
    expect(composerPayload(12, { ...emptyComposer('visit'), content: '拜访' })).not.toHaveProperty('checkIn');
  });

  it('shows the coordinates latitude first and opens Amap at longitude,latitude (WGS-84)', () => {
    expect(coordinatesText(31.23, 121.47)).toBe('31.230000, 121.470000');
    expect(mapHref(31.23, 121.47)).toBe('https://uri.amap.com/marker?position=121.47,31.23&coordinate=wgs84&callnative=1');
  });
});
