import { describe, expect, it } from 'vitest';
import { compareChronology, formatDateRange, parsePartialDate } from '../../utils/chronology';

describe('parsePartialDate', () => {
  it.each([
    ['1988', 'year', '1988-01-01', '1988-12-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2023-02', 'month', '2023-02-01', '2023-02-28'],
    ['2022-12', 'month', '2022-12-01', '2022-12-31'],
    ['2022-09-16', 'day', '2022-09-16', '2022-09-16'],
  ])('%s is a %s from %s to %s', (text, precision, first, last) => {
    const d = parsePartialDate(text)!;
    expect(d.precision).toBe(precision);
    expect(new Date(d.start * 86_400_000).toISOString().slice(0, 10)).toBe(first);
    expect(new Date(d.end * 86_400_000).toISOString().slice(0, 10)).toBe(last);
  });

  it.each([undefined, null, '', 'n.d.', '2023-02-06/07', '2022-13', '2023-02-30', '22-09-16', '2022-9-1'])(
    'refuses %j',
    (text) => expect(parsePartialDate(text)).toBeNull(),
  );
});

describe('compareChronology', () => {
  it.each([
    // [statements, evidence, order, firstClaim, lastClaim, evidenceDate]
    [['2022-09-16'], ['2024-03-09', '2024-03'], 'before', '2022-09-16', '2022-09-16', '2024-03'],
    [['1988-11-29', '1989-02-28'], ['2018-12'], 'before', '1988-11-29', '1989-02-28', '2018-12'],
    [['2024-07-22'], ['2018-12-04', '2024-07-17'], 'after', '2024-07-22', '2024-07-22', '2018-12-04'],
    [['2022-10', '2024-03-12'], ['2022-11-01'], 'repeated-after', '2022-10', '2024-03-12', '2022-11-01'],
    [['2022'], ['2022-10-07'], 'unclear', '2022', '2022', '2022-10-07'],
    [['2021-11-11'], ['2021-11'], 'unclear', '2021-11-11', '2021-11-11', '2021-11'],
    [['2022-09-16'], ['2022-09-16'], 'unclear', '2022-09-16', '2022-09-16', '2022-09-16'],
  ] as const)('%j vs %j → %s', (statements, evidence, order, first, last, ev) => {
    expect(compareChronology(statements, evidence)).toMatchObject({ order, firstClaimDate: first, lastClaimDate: last, evidenceDate: ev });
  });

  it('gives the latest source date (by its last possible day) when the order is unclear', () => {
    expect(compareChronology(['2022-09'], ['2022-09', '2024-03-18', '2024-03'])).toEqual({
      order: 'unclear',
      firstClaimDate: '2022-09',
      lastClaimDate: '2022-09',
      evidenceDate: '2022-09',
      lastEvidenceDate: '2024-03',
    });
  });

  it('ignores undated sources and says nothing when a side has no usable date', () => {
    expect(compareChronology(['2022-09-16'], [undefined, 'n.d.', '2024-03'])?.order).toBe('before');
    expect(compareChronology(['2022-09-16'], [undefined])).toBeNull();
    expect(compareChronology([], ['2024-03'])).toBeNull();
  });

  it('does not call a claim "first made before" when its earliest date is too vague to tell', () => {
    // "2022" may be before or after 2022-11-01, so only the certain statement is named.
    expect(compareChronology(['2022', '2022-09-16', '2024-01'], ['2022-11-01'])).toEqual({
      order: 'repeated-after',
      firstClaimDate: '2022-09-16',
      lastClaimDate: '2024-01',
      evidenceDate: '2022-11-01',
    });
  });
});

describe('formatDateRange', () => {
  it('shows one date, or a range', () => {
    expect(formatDateRange('2022', '2022')).toBe('2022');
    expect(formatDateRange('2022-09', '2024-03')).toBe('2022-09 – 2024-03');
  });
});
