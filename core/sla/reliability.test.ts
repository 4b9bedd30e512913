import { describe, expect, it } from 'vitest';
import { mtbfMinutes, mttrMinutes } from './reliability';
import { errorCode } from './test-helpers';

const INCIDENTS = [
  { start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:30:00Z' }, // 30 min
  { start: '2026-03-09T08:00:00Z', end: '2026-03-09T09:30:00Z' }, // 90 min
  { start: '2026-03-20T12:00:00Z', end: '2026-03-20T12:15:00Z', excluded: true },
];

describe('mttrMinutes', () => {
  it('averages restoration time over counted incidents', () => {
    expect(mttrMinutes(INCIDENTS)).toBe(60);
    expect(mttrMinutes([{ start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:00:30Z' }])).toBe(0.5);
  });

  it('is null without counted incidents and rejects reversed ones', () => {
    expect(mttrMinutes([])).toBeNull();
    expect(mttrMinutes([INCIDENTS[2]])).toBeNull();
    expect(
      errorCode(() =>
        mttrMinutes([{ start: '2026-03-02T10:00:00Z', end: '2026-03-02T09:00:00Z' }]),
      ),
    ).toBe('SLA_END_BEFORE_START');
  });
});

describe('mtbfMinutes', () => {
  it('divides uptime in the range by the failures starting in it', () => {
    const range = { start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' };
    // (44,640 − 120) / 2
    expect(mtbfMinutes(INCIDENTS, range)).toBe(22_260);
    expect(
      mtbfMinutes(INCIDENTS, { start: '2026-04-01T00:00:00Z', end: '2026-05-01T00:00:00Z' }),
    ).toBeNull();
  });
});
