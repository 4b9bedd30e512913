import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SERVICE_HOURS_24X7,
  businessHours,
  serviceMillisInRange,
  serviceMinutesInRange,
  servicePeriodMinutes,
  validateServiceHours,
  type ServiceHours,
} from './service-hours';
import { errorCode } from './test-helpers';

const BERLIN_9_18 = businessHours('Europe/Berlin');
const NEW_YORK_9_18 = businessHours('America/New_York');
const NIGHTLY_1_TO_4_BERLIN: ServiceHours = {
  kind: 'weekly',
  timeZone: 'Europe/Berlin',
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '01:00', to: '04:00' }],
};

describe('business hours in Europe/Berlin (clocks forward Sunday 2026-03-29)', () => {
  it('counts 5 × 9 hours in the week before and the week of the change', () => {
    expect(
      serviceMinutesInRange('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00', BERLIN_9_18),
    ).toBe(5 * 540);
    expect(
      serviceMinutesInRange('2026-03-30T00:00:00+02:00', '2026-04-06T00:00:00+02:00', BERLIN_9_18),
    ).toBe(5 * 540);
  });

  it('opens at 09:00 local time: 08:00 UTC before the change, 07:00 UTC after', () => {
    // The same UTC hour 06:30–07:30 is 07:30–08:30 CET on Friday (closed)
    // and 08:30–09:30 CEST on Monday (half an hour of service).
    expect(serviceMinutesInRange('2026-03-27T06:30:00Z', '2026-03-27T07:30:00Z', BERLIN_9_18)).toBe(
      0,
    );
    expect(serviceMinutesInRange('2026-03-30T06:30:00Z', '2026-03-30T07:30:00Z', BERLIN_9_18)).toBe(
      30,
    );
  });

  it('counts an incident across the weekend only in service hours', () => {
    // Friday 17:00 CET → Monday 10:00 CEST: 1 h on Friday + 1 h on Monday.
    expect(
      serviceMinutesInRange('2026-03-27T17:00:00+01:00', '2026-03-30T10:00:00+02:00', BERLIN_9_18),
    ).toBe(120);
  });

  it('a night window lasts 2 real hours when clocks go forward and 4 when they go back', () => {
    expect(
      serviceMinutesInRange(
        '2026-03-29T00:00:00+01:00',
        '2026-03-30T00:00:00+02:00',
        NIGHTLY_1_TO_4_BERLIN,
      ),
    ).toBe(120);
    // Clocks go back on Sunday 2026-10-25 (03:00 CEST → 02:00 CET).
    expect(
      serviceMinutesInRange(
        '2026-10-25T00:00:00+02:00',
        '2026-10-26T00:00:00+01:00',
        NIGHTLY_1_TO_4_BERLIN,
      ),
    ).toBe(240);
  });

  it('a window starting inside the skipped hour starts when the clocks jump', () => {
    const hours: ServiceHours = {
      kind: 'weekly',
      timeZone: 'Europe/Berlin',
      windows: [{ days: [7], from: '02:30', to: '03:30' }],
    };
    // 02:30 never happens on 2026-03-29; the window runs 03:00–03:30 CEST.
    expect(serviceMinutesInRange('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', hours)).toBe(30);
  });

  it('a window ending at a repeated reading closes the first time the clock shows it', () => {
    // 02:30 happens twice on 2026-10-25 in Berlin; 00:00 CEST → 02:30 CEST is 150 minutes.
    const hours: ServiceHours = {
      kind: 'weekly',
      timeZone: 'Europe/Berlin',
      windows: [{ days: [7], from: '00:00', to: '02:30' }],
    };
    expect(serviceMinutesInRange('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z', hours)).toBe(150);
  });

  it('skips excluded dates such as public holidays', () => {
    // Good Friday 2026-04-03 and Easter Monday 2026-04-06.
    const hours = businessHours('Europe/Berlin', { excludedDates: ['2026-04-03', '2026-04-06'] });
    expect(
      serviceMinutesInRange('2026-03-30T00:00:00+02:00', '2026-04-07T00:00:00+02:00', hours),
    ).toBe(4 * 540);
  });

  it('gives a calendar month its service minutes as the availability denominator', () => {
    // March 2026 has 22 weekdays.
    expect(
      servicePeriodMinutes(
        { kind: 'calendar-month', month: '2026-03', timeZone: 'Europe/Berlin' },
        BERLIN_9_18,
      ),
    ).toBe(22 * 540);
    // 24×5 in October 2026 (22 weekdays); the clock change falls on a Sunday.
    expect(
      servicePeriodMinutes(
        { kind: 'calendar-month', month: '2026-10', timeZone: 'Europe/Berlin' },
        { kind: '24x5', timeZone: 'Europe/Berlin' },
      ),
    ).toBe(22 * 1440);
    expect(servicePeriodMinutes({ kind: '30-day-month' })).toBe(43_200);
    expect(errorCode(() => servicePeriodMinutes({ kind: '30-day-month' }, BERLIN_9_18))).toBe(
      'SLA_PERIOD_HAS_NO_RANGE',
    );
  });
});

describe('America/New_York (clocks forward Sunday 2026-03-08, back 2026-11-01)', () => {
  it('opens at 14:00 UTC before the change and 13:00 UTC after', () => {
    expect(
      serviceMinutesInRange('2026-03-06T13:00:00Z', '2026-03-06T14:00:00Z', NEW_YORK_9_18),
    ).toBe(0);
    expect(
      serviceMinutesInRange('2026-03-09T13:00:00Z', '2026-03-09T14:00:00Z', NEW_YORK_9_18),
    ).toBe(60);
    expect(
      serviceMinutesInRange('2026-11-02T13:00:00Z', '2026-11-02T14:00:00Z', NEW_YORK_9_18),
    ).toBe(0);
    expect(
      serviceMinutesInRange('2026-11-02T14:00:00Z', '2026-11-02T15:00:00Z', NEW_YORK_9_18),
    ).toBe(60);
  });

  it('a window from 01:00 on the night clocks go back starts at the first 01:00', () => {
    // 01:00–02:00 happens twice on 2026-11-01 (EDT, then EST): 01:00 EDT → 04:00 EST is 4 h.
    const hours: ServiceHours = {
      kind: 'weekly',
      timeZone: 'America/New_York',
      windows: [{ days: [7], from: '01:00', to: '04:00' }],
    };
    expect(serviceMinutesInRange('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', hours)).toBe(240);
  });

  it('counts 24×5 around the weekend of the change as two full weekdays', () => {
    const hours: ServiceHours = { kind: '24x5', timeZone: 'America/New_York' };
    expect(
      serviceMinutesInRange('2026-03-06T00:00:00-05:00', '2026-03-10T00:00:00-04:00', hours),
    ).toBe(2 * 1440);
  });
});

describe('around the clock and validation', () => {
  it('24×7 counts every minute, in exact milliseconds', () => {
    expect(
      serviceMillisInRange('2026-03-29T00:00:00Z', '2026-03-29T00:00:01.250Z', SERVICE_HOURS_24X7),
    ).toBe(1250);
    expect(
      serviceMinutesInRange('2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', SERVICE_HOURS_24X7),
    ).toBe(0);
  });

  it('rejects malformed hours, zones and ranges with codes', () => {
    const window = { days: [1] as const, from: '09:00', to: '18:00' };
    const weekly = (patch: object): ServiceHours =>
      ({ kind: 'weekly', timeZone: 'Europe/Berlin', windows: [window], ...patch }) as ServiceHours;
    const cases: [ServiceHours, string][] = [
      [businessHours('Mars/Olympus'), 'SLA_INVALID_TIME_ZONE'],
      [weekly({ windows: [] }), 'SLA_INVALID_SERVICE_HOURS'],
      [weekly({ windows: [{ ...window, from: '25:00' }] }), 'SLA_INVALID_SERVICE_HOURS'],
      [weekly({ windows: [{ ...window, to: '24:01' }] }), 'SLA_INVALID_SERVICE_HOURS'],
      [
        weekly({ windows: [{ ...window, from: '18:00', to: '09:00' }] }),
        'SLA_INVALID_SERVICE_HOURS',
      ],
      [weekly({ windows: [{ ...window, days: [8] }] }), 'SLA_INVALID_SERVICE_HOURS'],
      [
        weekly({ windows: [window, { days: [1], from: '17:00', to: '20:00' }] }),
        'SLA_INVALID_SERVICE_HOURS',
      ],
      [weekly({ excludedDates: ['2026-02-30'] }), 'SLA_INVALID_SERVICE_HOURS'],
      [{ kind: '9to5' } as unknown as ServiceHours, 'SLA_INVALID_SERVICE_HOURS'],
    ];
    for (const [hours, code] of cases)
      expect(errorCode(() => validateServiceHours(hours))).toBe(code);
    expect(
      validateServiceHours(
        weekly({ windows: [window, { days: [1], from: '18:00', to: '20:00' }] }),
      ),
    ).toBeUndefined();
    expect(
      errorCode(() =>
        serviceMinutesInRange('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z', BERLIN_9_18),
      ),
    ).toBe('SLA_END_BEFORE_START');
    expect(
      errorCode(() =>
        serviceMinutesInRange('2026-03-01 00:00', '2026-03-02T00:00:00Z', BERLIN_9_18),
      ),
    ).toBe('SLA_INVALID_TIMESTAMP');
  });
});

describe('properties across daylight-saving changes', () => {
  const HOURS: ServiceHours[] = [
    BERLIN_9_18,
    NEW_YORK_9_18,
    NIGHTLY_1_TO_4_BERLIN,
    {
      kind: 'weekly',
      timeZone: 'America/New_York',
      windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '01:00', to: '04:00' }],
    },
    { kind: '24x5', timeZone: 'Europe/Berlin' },
  ];
  // Two days either side of the 2026 changes in Berlin and New York.
  const ANCHORS = [
    '2026-03-27T00:00:00Z',
    '2026-10-23T00:00:00Z',
    '2026-03-06T00:00:00Z',
    '2026-10-30T00:00:00Z',
  ].map(Date.parse);
  const MINUTE = 60_000;
  const instant = fc
    .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: 0, max: 4 * 1440 }))
    .map(([anchor, minutes]) => anchor + minutes * MINUTE);

  /** Independent oracle: walk minute by minute and read each minute's local weekday and time. */
  function bruteForceMinutes(startMs: number, endMs: number, hours: ServiceHours): number {
    if (hours.kind === '24x7') return (endMs - startMs) / MINUTE;
    const windows =
      hours.kind === '24x5'
        ? [{ days: [1, 2, 3, 4, 5], from: '00:00', to: '24:00' }]
        : hours.windows;
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    let count = 0;
    for (let t = startMs; t < endMs; t += MINUTE) {
      const parts = Object.fromEntries(
        format.formatToParts(new Date(t)).map((p) => [p.type, p.value]),
      );
      const weekday = weekdays.indexOf(parts.weekday) + 1;
      const clock = `${parts.hour}:${parts.minute}`;
      if (
        windows.some(
          (w) => (w.days as number[]).includes(weekday) && clock >= w.from && clock < w.to,
        )
      )
        count += 1;
    }
    return count;
  }

  it('agrees minute by minute with the local wall clock', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3 * 1440 }),
        fc.constantFrom(...HOURS),
        (start, length, hours) => {
          const end = start + length * MINUTE;
          const iso = (ms: number) => new Date(ms).toISOString();
          expect(serviceMinutesInRange(iso(start), iso(end), hours)).toBe(
            bruteForceMinutes(start, end, hours),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is additive over adjacent ranges and never exceeds the elapsed time', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q).map((ms) => new Date(ms));
        for (const hours of HOURS) {
          const whole = serviceMillisInRange(x, z, hours);
          expect(whole).toBe(serviceMillisInRange(x, y, hours) + serviceMillisInRange(y, z, hours));
          expect(whole).toBeGreaterThanOrEqual(0);
          expect(whole).toBeLessThanOrEqual(z.getTime() - x.getTime());
        }
      }),
      { numRuns: 20 },
    );
  });
});
