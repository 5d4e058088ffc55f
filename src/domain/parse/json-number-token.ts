/** The JSON number tokens of the tolerant parser (`parse-json.ts`): where one ends, and its value, exact. */
import { RawNumber } from './raw-number';

/**
 * The end of the JSON number token at `i` (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, as long as it goes), or -1 when
 * no digit starts it. A fraction or exponent without its digits is left out of the token, so the parser reports
 * the character after it as unexpected.
 */
export function numberEnd(s: string, i: number): number {
  let j = s.charCodeAt(i) === 45 /* - */ ? i + 1 : i;
  const first = s.charCodeAt(j);
  if (first === 48) j++;
  else if (first >= 49 && first <= 57) j = digitsEnd(s, j + 1);
  else return -1;
  if (s.charCodeAt(j) === 46 /* . */ && isDigit(s.charCodeAt(j + 1))) j = digitsEnd(s, j + 2);
  const e = s.charCodeAt(j);
  if (e === 101 || e === 69) {
    const sign = s.charCodeAt(j + 1);
    const from = sign === 43 || sign === 45 ? j + 2 : j + 1;
    if (isDigit(s.charCodeAt(from))) j = digitsEnd(s, from + 1);
  }
  return j;
}

function digitsEnd(s: string, from: number): number {
  let j = from;
  while (isDigit(s.charCodeAt(j))) j++;
  return j;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Powers of ten a float holds exactly, as far as a token of 15 digits needs. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The number token `s[from, to)` as a float when that keeps its text, else as a `RawNumber`. Without a string:
 * an integer of at most 15 digits is summed from its digits (exact below 2^53); a fraction of at most 15 digits in
 * all, without exponent, is its digits as an integer divided by a power of ten (both exact, so the quotient is the
 * float nearest the token, as `Number` gives), and it prints back as itself (15 digits always do) unless it ends in
 * 0 (`1.50`: lossy by its last character) or is below 10^-6 (printed with an exponent). Any other token is
 * converted and compared.
 */
export function numberValue(s: string, from: number, to: number): number | RawNumber {
  const negative = s.charCodeAt(from) === 45;
  const digitsFrom = negative ? from + 1 : from;
  if (to - digitsFrom <= 16) {
    let n = 0;
    let k = digitsFrom;
    for (; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    if (k === to) {
      if (to - digitsFrom <= 15) return negative ? (n === 0 ? new RawNumber(s, from, to) : -n) : n;
    } else if (s.charCodeAt(k) === 46 /* . */) {
      let j = k + 1;
      let zeros = 0; // leading zeros of the fraction, while the integer part is 0
      for (; j < to; j++) {
        const c = s.charCodeAt(j);
        if (c < 48 || c > 57) break;
        if (n === 0 && c === 48) zeros++;
        n = n * 10 + (c - 48);
      }
      if (j === to) {
        // No exponent: `k` is on the `.`, the token ends in a digit of the fraction.
        if (s.charCodeAt(to - 1) === 48) return new RawNumber(s, from, to);
        if (zeros < 6) {
          const value = n / (POW10[to - k - 1] as number);
          return negative ? -value : value;
        }
      }
    }
  }
  const token = s.slice(from, to);
  const num = Number(token);
  return String(num) === token ? num : new RawNumber(token);
}
