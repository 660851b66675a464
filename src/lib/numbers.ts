/** Vietnamese number conventions: 15.000.000 and 2,5. */
const formatter = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return formatter.format(value);
}

/** "15.000.000 đồng", "15 lượt"; the unit is optional. */
export function formatQuantity(value: number, unit?: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}
