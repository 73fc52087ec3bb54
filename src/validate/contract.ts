import type { Issue } from '../core/issue.js';

/** The validation layers a caller can restrict to (`validate --only`, suite expectations). */
export type ValidationLayer = 'xsd' | 'rules' | 'profile';

/** Options shared by the HL7v3 and FHIR validators. */
export interface ValidationOptions {
  /** Restrict to these layers; default: every layer that applies to the message kind. */
  only?: ValidationLayer[];
  /** Keep known HCIM deviations as errors instead of downgrading them to warnings. */
  strict?: boolean;
  /** HL7v3: schema override, a path or a fixture-relative name such as `hcim/QUPA_AR101102.xsd`. */
  schema?: string;
  /** HL7v3: the request this message answers, for correlation rules (ack targetMessage ↔ request id). */
  request?: string;
  /** HL7v3: run only these business rules (ids as in `validate/rules/<id>.ts`). */
  rules?: string[];
  /** FHIR: profile canonical URL or StructureDefinition file to validate against. */
  profile?: string;
  /** FHIR: extra IG package.tgz files whose StructureDefinitions/ValueSets are loaded. */
  igPackages?: string[];
}

/** One validated message: the shape of `validate --format json` → `files[]` (DESIGN.md §3). */
export interface MessageValidation {
  file?: string;
  kind: 'hl7v3' | 'fhir';
  /** False iff an issue of severity `error` or `fatal` remains. */
  valid: boolean;
  /** HL7v3: the fixture-relative schema used, e.g. `hcim/QUPA_AR101102.xsd`. */
  schema?: string;
  /** FHIR: canonical URLs of the profiles applied. */
  profiles?: string[];
  issues: Issue[];
  /** sha256 of schemas/profiles used (report evidence), keyed by fixture-relative path or URL. */
  evidence?: { path: string; sha256: string }[];
}

/** Signature both halves of validate/ export. Never throws for invalid content. */
export type MessageValidator = (content: string, options?: ValidationOptions) => Promise<MessageValidation>;
