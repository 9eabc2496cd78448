let formatter: Intl.NumberFormat | null = null;

/**
 * A count as the writer reads it ("12,000"). The formatter is made when first used: the first
 * one made loads ICU's number data, which would cost every CLI command and the app's start
 * 15–40 ms at import even when no count is ever shown.
 */
export function formatCount(value: number): string {
  formatter ??= new Intl.NumberFormat('en-US');
  return formatter.format(value);
}
