/** The shared checks of `xpath` and `fhirpath` expectations. */
export interface PathCheck {
  equals?: string | number | boolean;
  matches?: string;
  exists?: boolean;
  count?: number;
}

/** Judge evaluated values against the check; returns undefined when satisfied, else the complaint. */
export function judgePathCheck(values: readonly unknown[], check: PathCheck): { expected: unknown; actual: unknown } | undefined {
  // A boolean expression (`count(x) = 1`, `exists()`) yields [false]: treat it as the verdict.
  const booleanResult = values.length === 1 && typeof values[0] === 'boolean' && check.equals === undefined && check.matches === undefined && check.count === undefined;
  if (check.count !== undefined) {
    return values.length === check.count ? undefined : { expected: `${check.count} item(s)`, actual: `${values.length} item(s)` };
  }
  if (check.equals !== undefined) {
    const wanted = String(check.equals);
    if (values.length === 0) return { expected: wanted, actual: 'nothing' };
    return values.some((value) => String(value) === wanted) ? undefined : { expected: wanted, actual: values.length === 1 ? String(values[0]) : values.map(String) };
  }
  if (check.matches !== undefined) {
    const pattern = new RegExp(check.matches);
    if (values.length === 0) return { expected: `a value matching /${check.matches}/`, actual: 'nothing' };
    return values.some((value) => pattern.test(String(value))) ? undefined : { expected: `a value matching /${check.matches}/`, actual: values.length === 1 ? String(values[0]) : values.map(String) };
  }
  const wantExists = check.exists ?? true;
  const exists = booleanResult ? values[0] === true : values.length > 0;
  return exists === wantExists ? undefined : { expected: wantExists ? 'to exist' : 'not to exist', actual: exists ? (booleanResult ? 'true' : `${values.length} item(s)`) : booleanResult ? 'false' : 'nothing' };
}
