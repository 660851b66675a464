/**
 * Vietnamese number conventions: 15.000.000 and 2,5 (at most two decimals, rounded half away from zero on the number
 * as written), as `Intl.NumberFormat('vi-VN')` writes them (a unit test compares the two), without Intl: the search
 * page would wait for its locale data before showing a count.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const written = String(Math.abs(value));
  // The shortest decimal form, as Intl rounds it; exponent forms are rare enough to take toFixed's rounding.
  const [whole, fraction = ''] = (written.includes('e') ? Math.abs(value).toFixed(20) : written).split('.');
  let hundredths = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0'));
  if ((fraction[2] ?? '0') >= '5') hundredths += 1n;
  const digits = hundredths.toString().padStart(3, '0');
  const grouped = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = digits.slice(-2).replace(/0+$/, '');
  // Intl keeps the sign of a negative number that rounds to zero ("-0").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** "15.000.000 đồng", "15 lượt"; the unit is optional. */
export function formatQuantity(value: number, unit?: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}
