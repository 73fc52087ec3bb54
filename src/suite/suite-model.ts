import type { SourceLocation } from '../core/source-location.js';
import type { CaseDocument, Expectation, StepDocument, SuiteDocument } from './suite-schema.js';

/** A loaded suite: the validated document plus the source position of every part. */
export interface LoadedSuite {
  /** Path relative to the working directory, as shown to users. */
  file: string;
  /** Absolute path of the suite file. */
  absolutePath: string;
  /** Folder the suite may read body files from (its root). */
  root: string;
  sha256: string;
  document: SuiteDocument;
  location: SourceLocation;
  cases: LoadedCase[];
}

export interface LoadedCase {
  document: CaseDocument;
  location: SourceLocation;
  steps: LoadedStep[];
}

export interface LoadedStep {
  document: StepDocument;
  location: SourceLocation;
  /** Dotted path of the step inside the suite, e.g. `cases[2].steps[0]`. */
  path: string;
  expectations: { expectation: Expectation; location: SourceLocation; path: string }[];
  /** Location of each capture by variable name. */
  captureLocations: Record<string, SourceLocation>;
}
