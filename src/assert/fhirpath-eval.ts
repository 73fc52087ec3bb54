type Compiled = (resource: unknown, context?: object) => unknown[];
type FhirPathModule = { compile: (expression: string, model?: unknown) => Compiled };

let loaded: Promise<{ fhirpath: FhirPathModule; model: unknown }> | undefined;
/** Suites evaluate the same few hundred expressions over and over; parsing dominated the cost. */
const compiled = new Map<string, Compiled>();
const MAX_COMPILED = 5000;

/** Evaluate FHIRPath with the R4 model (fhirpath.js, loaded on first use: it costs ~200 ms). */
export async function evaluateFhirPath(resource: unknown, expression: string): Promise<unknown[]> {
  loaded ??= Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4/index.js')]).then(([fp, r4]) => ({
    fhirpath: ((fp as { default?: FhirPathModule }).default ?? fp) as FhirPathModule,
    model: (r4 as { default?: unknown }).default ?? r4,
  }));
  const { fhirpath, model } = await loaded;
  let run = compiled.get(expression);
  if (!run) {
    run = fhirpath.compile(expression, model);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(expression, run);
  }
  return run(resource, {});
}
