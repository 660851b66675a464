import { t } from '../i18n/ui';

/** "Nhiệm kỳ 2017 - 2019", or "Năm 2021" when the report covers one year. */
export function periodLabel(period: { from: number; to: number }): string {
  return period.from === period.to ? t('report.year', { year: period.from }) : t('report.term', period);
}
