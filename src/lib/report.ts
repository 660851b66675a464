import { t } from '../i18n/ui';
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
export const figureLabelKey = (label: string) => label.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** The same unit whatever the editor's Unicode form or spacing around it; none is "". */
export const figureUnitKey = (unit: string | undefined) => unit?.normalize('NFC').trim() ?? '';

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

/**
 * The figures that at least two of the `latest` newest reports give (same label and unit), those reports oldest
 * first: how a unit's results moved from one period to the next. Undefined when no figure is shared.
 */
export function compareFigures<R extends ReportFigures>(reports: readonly R[], latest = 6): FigureComparison<R> | undefined {
  const byPeriod = [...reports].sort((a, b) => a.period.to - b.period.to || a.period.from - b.period.from);
  const recent = byPeriod.slice(-latest);
  const rows = new Map<string, FigureRow>();
  recent.forEach((report, column) => {
    for (const figure of report.metrics) {
      const key = figureKey(figure);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { label: figure.label, unit: figure.unit, values: recent.map(() => undefined) }));
      row.label = figure.label;
      row.values[column] ??= figure.value;
    }
  });
  const shared = [...rows.values()].filter((row) => row.values.filter((value) => value !== undefined).length >= 2);
  if (shared.length === 0) return undefined;
  const used = recent.map((_, column) => shared.some((row) => row.values[column] !== undefined));
  return {
    reports: recent.filter((_, column) => used[column]),
    rows: shared.map((row) => ({ ...row, values: row.values.filter((_, column) => used[column]) })),
  };
}
