import { describe, expect, it } from 'vitest';
import { compareFigures, compareUnits, periodLabel } from '../../src/lib/report';

const report = (id: string, from: number, to: number, metrics: { label: string; value: number; unit?: string }[]) => ({ id, period: { from, to }, metrics });

describe('report periods and figures', () => {
  it('names a term or a year', () => {
    expect(periodLabel({ from: 2017, to: 2019 })).toBe('Nhiệm kỳ 2017 - 2019');
    expect(periodLabel({ from: 2021, to: 2021 })).toBe('Năm 2021');
  });

  it('compares the figures that reports share, oldest period first', () => {
    const comparison = compareFigures([
      report('2025', 2025, 2025, [
        { label: 'Lượt hiến máu tình nguyện', value: 512, unit: 'lượt' },
        { label: 'Người hiến máu lần đầu', value: 138, unit: 'người' },
      ]),
      report('term', 2019, 2022, [
        // Another spacing, case and Unicode form of the same figure.
        { label: 'lượt hiến máu  tình nguyện'.normalize('NFD'), value: 1328, unit: 'lượt' },
        { label: 'Chỉ tiêu nhiệm kỳ hoàn thành', value: 15, unit: 'chỉ tiêu' },
      ]),
      report('2023', 2023, 2023, [{ label: 'Người hiến máu lần đầu', value: 90, unit: 'người' }]),
    ])!;
    expect(comparison.reports.map((r) => r.id)).toEqual(['term', '2023', '2025']);
    expect(comparison.rows).toEqual([
      { label: 'Lượt hiến máu tình nguyện', unit: 'lượt', values: [1328, undefined, 512] },
      { label: 'Người hiến máu lần đầu', unit: 'người', values: [undefined, 90, 138] },
    ]);
  });

  it('keeps a figure given in another unit apart, leaves out reports sharing nothing, and takes the latest reports', () => {
    const comparison = compareFigures(
      [
        report('a', 2020, 2020, [{ label: 'Kinh phí', value: 5, unit: 'triệu đồng' }, { label: 'Đoàn viên', value: 20 }]),
        report('b', 2021, 2021, [{ label: 'Kinh phí', value: 6000000, unit: 'đồng' }, { label: 'Sáng kiến', value: 2 }]),
        report('c', 2022, 2022, [{ label: 'Đoàn viên', value: 24 }]),
        report('d', 2023, 2023, [{ label: 'Đoàn viên', value: 30 }]),
      ],
      3,
    )!;
    expect(comparison.reports.map((r) => r.id)).toEqual(['c', 'd']);
    expect(comparison.rows).toEqual([{ label: 'Đoàn viên', unit: undefined, values: [24, 30] }]);
    expect(compareFigures([report('a', 2020, 2020, [{ label: 'Kinh phí', value: 5 }]), report('b', 2021, 2021, [{ label: 'Sáng kiến', value: 2 }])])).toBeUndefined();
    expect(compareFigures([])).toBeUndefined();
  });

  it('compares units on the latest year two of them reported on alone and share figures', () => {
    const of = (unit: string | undefined, id: string, from: number, to: number, metrics: { label: string; value: number; unit?: string }[]) => ({
      ...report(id, from, to, metrics), unit,
    });
    const blood = (value: number) => ({ label: 'Lượt hiến máu tình nguyện', value, unit: 'lượt' });
    const reports = [
      // 2026: one unit only; a term ending in 2025 and a report without a unit do not count.
      of('y-te', 'y-te-2026', 2026, 2026, [blood(600)]),
      of('kho-bac', 'kho-bac-term', 2022, 2025, [blood(90)]),
      of(undefined, 'no-unit-2025', 2025, 2025, [blood(1)]),
      // 2025: three units, the first of each taken; one shares nothing and is left out.
      of('y-te', 'y-te-2025', 2025, 2025, [blood(512), { label: 'Người hiến máu lần đầu', value: 138, unit: 'người' }]),
      of('y-te', 'y-te-2025-old', 2025, 2025, [blood(400)]),
      of('kho-bac', 'kho-bac-2025', 2025, 2025, [blood(36), { label: 'Sáng kiến', value: 2 }]),
      of('tai-chinh', 'tai-chinh-2025', 2025, 2025, [{ label: 'Sáng kiến', value: 3, unit: 'sáng kiến' }]),
      of('gd', 'gd-2024', 2024, 2024, [blood(70)]),
    ];
    const comparison = compareUnits(reports)!;
    expect(comparison.year).toBe(2025);
    expect(comparison.reports.map((r) => r.id)).toEqual(['y-te-2025', 'kho-bac-2025']);
    expect(comparison.rows).toEqual([{ label: 'Lượt hiến máu tình nguyện', unit: 'lượt', values: [512, 36] }]);
    // A year whose units share nothing gives way to an older one; none at all, nothing.
    const older = compareUnits([of('a', 'a-2025', 2025, 2025, [{ label: 'X', value: 1 }]), of('b', 'b-2025', 2025, 2025, [{ label: 'Y', value: 2 }]), ...reports.slice(-1), of('y-te', 'y-te-2024', 2024, 2024, [blood(300)])])!;
    expect([older.year, older.rows[0].values]).toEqual([2024, [70, 300]]);
    expect(compareUnits(reports.slice(0, 3))).toBeUndefined();
  });
});
