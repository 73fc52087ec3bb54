/** A position in a user-supplied file (suite YAML, message body, config). Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** `suites/hcim-v3/gd.yaml:42:7` — the form every message that points at a file starts with. */
export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '<unknown>';
  return `${location.file}:${location.line}:${location.column}`;
}
