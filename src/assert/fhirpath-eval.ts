type FhirPathModule = { evaluate: (resource: unknown, expression: string, context?: object, model?: unknown) => unknown[] };

let loaded: Promise<{ fhirpath: FhirPathModule; model: unknown }> | undefined;

/** Evaluate FHIRPath with the R4 model (fhirpath.js, loaded on first use: it costs ~200 ms). */
export async function evaluateFhirPath(resource: unknown, expression: string): Promise<unknown[]> {
  loaded ??= Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4/index.js')]).then(([fp, r4]) => ({
    fhirpath: ((fp as { default?: FhirPathModule }).default ?? fp) as FhirPathModule,
    model: (r4 as { default?: unknown }).default ?? r4,
  }));
  const { fhirpath, model } = await loaded;
  return fhirpath.evaluate(resource, expression, {}, model);
}
