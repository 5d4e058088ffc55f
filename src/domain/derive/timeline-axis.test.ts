import { describe, expect, it } from 'vitest';
import { niceTimeStep, shortRowName, timeAxis, uniqueRowNames } from './timeline-axis';

const at = (iso: string) => Date.parse(iso);

describe('niceTimeStep', () => {
  it('picks the smallest round step giving at most the wanted ticks, never under a second', () => {
    expect(niceTimeStep(4000, 8)).toBe(1000);
    expect(niceTimeStep(1, 8)).toBe(1000);
    expect(niceTimeStep(0, 8)).toBe(1000);
    expect(niceTimeStep(60_000, 6)).toBe(10_000);
    expect(niceTimeStep(60_000, 5)).toBe(15_000);
    expect(niceTimeStep(3 * 3600_000, 8)).toBe(30 * 60_000);
    expect(niceTimeStep(3 * 86_400_000, 8)).toBe(12 * 3600_000);
    expect(niceTimeStep(60 * 86_400_000, 4)).toBe(30 * 86_400_000);
  });
});

describe('timeAxis', () => {
  it('labels ticks in the set’s offset by default, on whole round seconds (no .250)', () => {
    // 15:16:43.250 to 15:16:47.750 at +08:00.
    const start = at('2022-07-18T07:16:43.250Z');
    const axis = timeAxis(start, start + 4500, 480, 'source', 8);
    expect(axis.step).toBe(1000);
    expect(axis.zone).toBe('+08:00');
    expect(axis.spansDays).toBe(false);
    expect(axis.ticks.map((t) => t.label)).toEqual(['15:16:44', '15:16:45', '15:16:46', '15:16:47']);
    expect(axis.ticks.every((t) => t.ms % 1000 === 0)).toBe(true);
  });

  it('follows the Times setting: UTC shifts the labels, not the instants', () => {
    const start = at('2022-07-18T07:00:00Z');
    const source = timeAxis(start, start + 3600_000, 480, 'source', 4);
    const utc = timeAxis(start, start + 3600_000, 480, 'utc', 4);
    expect(source.ticks.map((t) => t.ms)).toEqual(utc.ticks.map((t) => t.ms));
    expect(source.ticks.map((t) => t.label)).toEqual(['15:00', '15:15', '15:30', '15:45', '16:00']);
    expect(utc.ticks.map((t) => t.label)).toEqual(['07:00', '07:15', '07:30', '07:45', '08:00']);
    expect(utc.zone).toBe('UTC');
  });

  it('aligns steps on the display clock, also for offsets of half an hour', () => {
    const start = at('2022-07-18T00:10:00Z');
    const axis = timeAxis(start, start + 2 * 3600_000, 330, 'source', 4);
    expect(axis.step).toBe(30 * 60_000);
    expect(axis.ticks[0]?.label).toBe('06:00');
    expect(axis.zone).toBe('+05:30');
  });

  it('gives dates where the range spans days: on the first tick and where the day changes', () => {
    const start = at('2022-07-18T12:00:00Z'); // 20:00 at +08:00
    const axis = timeAxis(start, start + 12 * 3600_000, 480, 'source', 4);
    expect(axis.spansDays).toBe(true);
    expect(axis.step).toBe(3 * 3600_000);
    expect(axis.ticks.map((t) => t.label)).toEqual([
      '2022-07-18 21:00',
      '2022-07-19 00:00',
      '03:00',
      '06:00',
    ]);
    expect(axis.ticks.map((t) => t.hasDate)).toEqual([true, true, false, false]);
  });

  it('labels day steps by their date, at midnight in the display offset', () => {
    const start = at('2022-07-17T16:00:00Z'); // 2022-07-18 00:00 +08:00
    const axis = timeAxis(start, start + 5 * 86_400_000, 480, 'source', 8);
    expect(axis.step).toBe(86_400_000);
    expect(axis.ticks.map((t) => t.label)).toEqual([
      '2022-07-18',
      '2022-07-19',
      '2022-07-20',
      '2022-07-21',
      '2022-07-22',
      '2022-07-23',
    ]);
  });

  it('never makes more than the wanted ticks plus one', () => {
    for (const span of [999, 7000, 61_000, 3_700_000, 90_000_000, 9e9]) {
      const axis = timeAxis(1.6e12, 1.6e12 + span, 480, 'source', 7);
      expect(axis.ticks.length).toBeLessThanOrEqual(8);
    }
  });
});

describe('uniqueRowNames', () => {
  it('keeps a JobId seen once and numbers repeated ones', () => {
    expect(uniqueRowNames(['a', 'b', 'a', undefined, 'a', 'b'], (i) => `#${i + 1}`)).toEqual([
      'a ×3 #1',
      'b ×2 #1',
      'a ×3 #2',
      '#4',
      'a ×3 #3',
      'b ×2 #2',
    ]);
  });
});

describe('shortRowName', () => {
  it('shortens the id and keeps a repeat’s number whole', () => {
    expect(shortRowName('short', 20)).toBe('short');
    expect(shortRowName('c93984788066911ed89ed352d4d9d2084', 20)).toBe('c93984788066911ed89…');
    expect(shortRowName('c93984788066911ed89ed352d4d9d2084 ×2 #1', 20)).toBe('c9398478806691…×2 #1');
    expect(shortRowName('c93984788066911ed89ed352d4d9d2084 ×2 #1', 20).length).toBeLessThanOrEqual(20);
  });
});
