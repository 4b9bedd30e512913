import { describe, expect, it } from 'vitest';
import { availabilityPercent } from './availability';
import { serviceCreditPercent } from './credits';
import { countedDowntime, countedIncidentMinutes, type Incident } from './downtime';
import { businessHours, servicePeriodMinutes } from './service-hours';
import { errorCode } from './test-helpers';

describe('countedDowntime', () => {
  it('counts overlapping incidents once and skips excluded ones', () => {
    const incidents: Incident[] = [
      { start: '2026-03-10T10:00:00Z', end: '2026-03-10T10:30:00Z' },
      { start: '2026-03-10T10:20:00Z', end: '2026-03-10T10:45:00Z' }, // overlaps the first
      { start: '2026-03-10T10:45:00Z', end: '2026-03-10T10:50:00Z' }, // touches the second
      { start: '2026-03-11T09:00:00Z', end: '2026-03-11T12:00:00Z', excluded: true },
    ];
    expect(countedDowntime(incidents)).toEqual({
      millis: 50 * 60_000,
      minutes: 50,
      intervals: [{ start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T10:50:00.000Z' }],
    });
  });

  it('clips incidents to the period', () => {
    const incident = { start: '2026-02-28T23:30:00Z', end: '2026-03-01T00:20:00Z' };
    expect(
      countedIncidentMinutes(incident, { period: { kind: 'calendar-month', month: '2026-03' } }),
    ).toBe(20);
    expect(
      countedIncidentMinutes(incident, { period: { kind: 'calendar-month', month: '2026-02' } }),
    ).toBe(30);
    // In Berlin March starts at 2026-02-28T23:00Z, so all 50 minutes fall in March.
    expect(
      countedIncidentMinutes(incident, {
        period: { kind: 'calendar-month', month: '2026-03', timeZone: 'Europe/Berlin' },
      }),
    ).toBe(50);
    expect(
      countedIncidentMinutes(incident, {
        range: { start: '2026-03-01T00:00:00Z', end: '2026-03-01T00:05:00Z' },
      }),
    ).toBe(5);
    expect(countedIncidentMinutes({ ...incident, excluded: true })).toBe(0);
  });

  it('removes maintenance windows and counts only service hours', () => {
    const incidents: Incident[] = [
      // Friday 17:00 → Monday 10:00 Berlin, across the clock change.
      { start: '2026-03-27T17:00:00+01:00', end: '2026-03-30T10:00:00+02:00' },
    ];
    const hours = businessHours('Europe/Berlin');
    expect(countedDowntime(incidents, { serviceHours: hours }).minutes).toBe(120);
    const withMaintenance = countedDowntime(incidents, {
      serviceHours: hours,
      excludedWindows: [{ start: '2026-03-30T09:00:00+02:00', end: '2026-03-30T09:30:00+02:00' }],
    });
    expect(withMaintenance.minutes).toBe(90);
    expect(withMaintenance.intervals).toEqual([
      { start: '2026-03-27T16:00:00.000Z', end: '2026-03-30T07:00:00.000Z' },
      { start: '2026-03-30T07:30:00.000Z', end: '2026-03-30T08:00:00.000Z' },
    ]);
  });

  it('feeds a business-hours credit: service downtime over service minutes', () => {
    const period = { kind: 'calendar-month', month: '2026-03', timeZone: 'Europe/Berlin' } as const;
    const hours = businessHours('Europe/Berlin');
    const denominator = servicePeriodMinutes(period, hours); // 22 × 540 = 11,880
    const down = countedDowntime([{ start: '2026-03-30T07:00:00Z', end: '2026-03-30T09:00:00Z' }], {
      period,
      serviceHours: hours,
    });
    expect(down.minutes).toBe(120);
    // 120 / 11,880 → 98.99 % availability: below 99.0 % → 30 % in the AWS-style table.
    expect(availabilityPercent(down.minutes, denominator)).toBe('98.9898989899');
    const tiers = [
      { below: '99.99', creditPercent: 10 },
      { below: '99.0', creditPercent: 30 },
      { below: '95.0', creditPercent: 100 },
    ];
    expect(serviceCreditPercent(tiers, down.minutes, denominator)).toBe(30);
  });

  it('rejects an incident that ends before it starts', () => {
    expect(
      errorCode(() =>
        countedDowntime([{ start: '2026-03-10T10:00:00Z', end: '2026-03-10T09:00:00Z' }]),
      ),
    ).toBe('SLA_END_BEFORE_START');
    expect(
      errorCode(() => countedDowntime([], { serviceHours: businessHours('Nowhere/Special') })),
    ).toBe('SLA_INVALID_TIME_ZONE');
  });
});
