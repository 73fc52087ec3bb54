/**
 * BC Personal Health Number check digit (domain.md §d, after bcgov/healthgateway PhnValidator):
 * 10 digits, first digit 9; digits 2–9 weighted 2,4,8,5,10,9,7,3, each product mod 11, summed;
 * check = 11 − (sum mod 11), which must equal digit 10 (10 and 11 are never valid).
 */
const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3];

export function phnCheckDigit(firstNine: string): number | undefined {
  if (!/^9\d{8}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (Number(firstNine[i + 1]) * WEIGHTS[i]!) % 11;
  const check = 11 - (sum % 11);
  return check >= 10 ? undefined : check;
}

export function isValidPhn(phn: string): boolean {
  if (!/^9\d{9}$/.test(phn)) return false;
  const check = phnCheckDigit(phn.slice(0, 9));
  return check !== undefined && check === Number(phn[9]);
}
