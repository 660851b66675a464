import { t } from '../i18n/ui';
import { portalText } from './text-form';
import type { Figure } from './body-components';

/** "Nhiệm kỳ 2017 - 2019", or "Năm 2021" when the report covers one year. */
export function periodLabel(period: { from: number; to: number }): string {
  return period.from === period.to ? t('report.year', { year: period.from }) : t('report.term', period);
}

export interface ReportFigures {
  period: { from: number; to: number };
  metrics: readonly Figure[];
}

/** One figure across reports: its label as last written, its unit, and its value in each report (or none). */
export interface FigureRow {
  label: string;
  unit?: string;
  values: (number | undefined)[];
}

/** What a unit's reports have in common: the reports compared, oldest first, and one row per shared figure. */
export interface FigureComparison<R extends ReportFigures> {
  reports: R[];
  rows: FigureRow[];
}

/** The same figure's name whatever the editor's spacing, case or Unicode form: "Lượt hiến máu  tình nguyện". */
export const figureLabelKey = (label: string) => portalText(label).trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** The same unit whatever the editor's Unicode form or spacing around it; none is "". */
export const figureUnitKey = (unit: string | undefined) => (unit === undefined ? '' : portalText(unit).trim());

/** A figure is compared with another of the same name and unit. */
const figureKey = (figure: Figure) => `${figureLabelKey(figure.label)}\n${figureUnitKey(figure.unit)}`;

/** A report's last year and its figures' names and units, read from its frontmatter as written (editors' tools). */
export function writtenFigures(data: Record<string, unknown>): { periodTo?: number; metrics: { label: string; unit?: string }[] } {
  const to = (data.period as { to?: unknown } | undefined)?.to;
  const metrics = Array.isArray(data.metrics) ? (data.metrics as { label?: unknown; unit?: unknown }[]) : [];
  return {
    periodTo: typeof to === 'number' ? to : undefined,
    metrics: metrics.filter((m) => typeof m?.label === 'string').map((m) => ({ label: m.label as string, unit: typeof m.unit === 'string' ? m.unit : undefined })),
  };
}

/** The figures that at least two of `columns` give (same label and unit), and the columns that give one of them. */
function sharedFigures<R extends ReportFigures>(columns: readonly R[]): FigureComparison<R> | undefined {
  const rows = new Map<string, FigureRow>();
  columns.forEach((report, column) => {
    for (const figure of report.metrics) {
      const key = figureKey(figure);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { label: figure.label, unit: figure.unit, values: columns.map(() => undefined) }));
      row.label = figure.label;
      row.values[column] ??= figure.value;
    }
  });
  const shared = [...rows.values()].filter((row) => row.values.filter((value) => value !== undefined).length >= 2);
  if (shared.length === 0) return undefined;
  const used = columns.map((_, column) => shared.some((row) => row.values[column] !== undefined));
  return {
    reports: columns.filter((_, column) => used[column]),
    rows: shared.map((row) => ({ ...row, values: row.values.filter((_, column) => used[column]) })),
  };
}

/**
 * The figures that at least two of the `latest` newest reports give (same label and unit), those reports oldest
 * first: how a unit's results moved from one period to the next. Undefined when no figure is shared.
 */
export function compareFigures<R extends ReportFigures>(reports: readonly R[], latest = 6): FigureComparison<R> | undefined {
  const byPeriod = [...reports].sort((a, b) => a.period.to - b.period.to || a.period.from - b.period.from);
  return sharedFigures(byPeriod.slice(-latest));
}

/**
 * Units' results side by side: the latest year on which two units or more reported alone (a one-year report, not a
 * term's) and share figures, with each unit's report of that year (the first given, in the order given) and the
 * figures two of them or more give. Undefined when no such year.
 */
export function compareUnits<R extends ReportFigures & { unit?: string }>(reports: readonly R[]): (FigureComparison<R> & { year: number }) | undefined {
  const yearly = reports.filter((report) => report.unit && report.period.from === report.period.to);
  const years = [...new Set(yearly.map((report) => report.period.to))].sort((a, b) => b - a);
  for (const year of years) {
    const byUnit = new Map<string, R>();
    for (const report of yearly) if (report.period.to === year && !byUnit.has(report.unit!)) byUnit.set(report.unit!, report);
    const shared = byUnit.size >= 2 ? sharedFigures([...byUnit.values()]) : undefined;
    if (shared) return { ...shared, year };
  }
  return undefined;
}
