import type { SourceLocation } from '../core/source-location.js';
import type { Expectation } from '../suite/suite-schema.js';
import type { ClientExpectationDocument, ClientSuiteDocument } from './client-suite-schema.js';

/** A condition of a client suite (`where:` or `response:` item) with its place in the file. */
export interface LocatedCondition {
  expectation: Expectation;
  location: SourceLocation;
  /** Dotted path, e.g. `expectations[2].request.where[0]`. */
  path: string;
}

/** A loaded client expectation: the document plus the source position of each part. */
export interface LoadedClientExpectation {
  document: ClientExpectationDocument;
  location: SourceLocation;
  /** Where `request:` is, for assertions about the match and validation. */
  requestLocation: SourceLocation;
  where: LocatedCondition[];
  response: LocatedCondition[];
}

/** A loaded client suite (`suites/client-*`). */
export interface LoadedClientSuite {
  /** Path relative to the working directory, as shown to users. */
  file: string;
  absolutePath: string;
  sha256: string;
  document: ClientSuiteDocument;
  location: SourceLocation;
  expectations: LoadedClientExpectation[];
}
