// Terminal codes are read aloud and typed by installers and call-centre staff, so they carry a
// Luhn check digit: "TB" + a 9-digit sequence + 1 check digit (e.g. TB0000000018). Luhn catches
// every single-digit error and every adjacent transposition except 0↔9 ("09" ↔ "90").

const SEQUENCE_DIGITS = 9;
const PATTERN = /^TB(\d{9})(\d)$/;

/** The Luhn check digit for a string of decimal digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Double every second digit counting from the right of the payload (the check digit goes after it).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new Error(`not a decimal digit string: ${digits}`);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The code of the n-th terminal (n ≥ 1, at most 9 digits). */
export function makeTerminalCode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n >= 10 ** SEQUENCE_DIGITS) throw new Error(`terminal sequence out of range: ${n}`);
  const sequence = String(n).padStart(SEQUENCE_DIGITS, "0");
  return `TB${sequence}${luhnCheckDigit(sequence)}`;
}

export function isValidTerminalCode(code: string): boolean {
  const match = PATTERN.exec(code);
  if (!match) return false;
  return luhnCheckDigit(match[1]) === Number(match[2]);
}
