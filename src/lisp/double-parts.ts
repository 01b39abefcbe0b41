/**
 * A finite double taken apart exactly: x = mantissa × 2^exponent, the mantissa signed. The
 * printer, `format`'s %e/%f/%g, the rounding functions and time values all need a double's exact
 * value, which no JavaScript conversion gives.
 */
export function doubleParts(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  return {
    mantissa: bits >> 63n === 1n ? -mantissa : mantissa,
    exponent: (biased === 0 ? 1 : biased) - 1075,
  };
}

/**
 * All the decimal digits of a positive finite double, as `0.DIGITS × 10^point`, trailing zeros
 * included. Every double is m × 2^e, which is exactly (m × 5^-e) / 10^-e when e < 0.
 */
export function exactDecimal(x: number): { digits: string; point: number } {
  const { mantissa, exponent } = doubleParts(x);
  const digits =
    exponent >= 0
      ? (mantissa << BigInt(exponent)).toString()
      : (mantissa * 5n ** BigInt(-exponent)).toString();
  return { digits, point: exponent >= 0 ? digits.length : digits.length + exponent };
}
