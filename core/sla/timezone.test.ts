import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateTextAt, offsetMsAt, wallClockToInstant } from './timezone';

/** Offset straight from Intl, as the table is built from (the reference). */
function intlOffset(timeZone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const v = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Shanghai',
  'America/Sao_Paulo',
  'Pacific/Chatham',
];

describe('zone offsets from the cached transition table', () => {
  it('agree with Intl at any instant, 1990–2040', () => {
    const from = Date.UTC(1990, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: from, max: to }), (zone, ms) => {
        expect(offsetMsAt(zone, ms)).toBe(intlOffset(zone, ms));
      }),
      { numRuns: 3000 },
    );
  });

  it('agree with Intl on both sides of each 2026 transition, to the second', () => {
    const checks: [string, string][] = [
      ['Europe/Berlin', '2026-03-29T01:00:00.000Z'],
      ['Europe/Berlin', '2026-10-25T01:00:00.000Z'],
      ['America/New_York', '2026-03-08T07:00:00.000Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00.000Z'],
    ];
    for (const [zone, iso] of checks) {
      const ms = Date.parse(iso);
      for (const delta of [-1001, -1000, -1, 0, 1, 999, 1000]) {
        expect(offsetMsAt(zone, ms + delta), `${zone} ${iso} ${delta}`).toBe(
          intlOffset(zone, ms + delta),
        );
      }
    }
  });

  it('local dates and wall-clock instants around a change', () => {
    expect(localDateTextAt('Europe/Berlin', Date.parse('2026-03-28T23:30:00.000Z'))).toBe(
      '2026-03-29',
    );
    // 02:30 does not exist on 29 March in Berlin: it maps to the jump (01:00Z).
    expect(
      new Date(
        wallClockToInstant('Europe/Berlin', { year: 2026, month: 3, day: 29 }, 150),
      ).toISOString(),
    ).toBe('2026-03-29T01:00:00.000Z');
  });
});
