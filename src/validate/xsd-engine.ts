import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../core/errors.js';
import type { ValidationOptions } from './contract.js';
import { withDecodedInspections, type RawNativeXsdAddon } from './native-inspection.js';

/**
 * XSD engines. Both are libxml2: `wasm` is the libxml2-wasm package (always available), `native`
 * is the optional addon in native/ (system libxml2, the library xmllint uses; built by `npm
 * install` when a C compiler and libxml2 headers are present, see native/README.md). They give
 * identical issues (src/validate/xsd-engine.test.ts); native starts and runs faster.
 */
export type XsdEngineName = 'native' | 'wasm';

/** An XSD finding of the addon: libxml2's message and level, the line, our element path. */
export interface NativeFinding {
  message: string;
  level: number;
  line: number;
  path?: string;
}

/** Options of {@link NativeXsdAddon.inspect}. */
export interface NativeInspectOptions {
  /** The input is a file path, read by the addon (else a Buffer holding the message). */
  file?: boolean;
  /** Larger inputs are not parsed (status fallback). */
  maxBytes: number;
  /** Fall back wherever the simulator's xmldom reader would unwrap a different message element. */
  xmldomUnwrap?: boolean;
  /** XSD-validate the message element: against `schema`, else the schema registered for its root name. */
  validate?: boolean;
  schema?: object;
  /** XPath expressions evaluated on the message element (prefix `hl7` = urn:hl7-org:v3), from {@link NativeXsdAddon.prepareXPaths}. */
  xpaths?: object;
}

/** What {@link NativeXsdAddon.inspect} resolves to. */
export type NativeInspection =
  | { status: 'fallback'; reason: string }
  | { status: 'ok'; name: string; ns?: string; line: number; findings?: NativeFinding[]; values?: (string | null)[] };

/** The addon's interface (native/xsd-native.c). */
export interface NativeXsdAddon {
  libxml2Version: string;
  compileSchema(path: string, allowedRoots: string[]): { handle?: object; served: string[]; refused: string[]; errors: { file?: string; line: number; message: string }[] };
  freeSchema(handle: object): void;
  /** Messages whose root element has this local name are validated by this schema (`inspect` with `validate`). */
  setRootSchema(rootName: string, handle: object | null): void;
  /**
   * XPath expressions for `inspect` (converted once, not on every call). Those in the addon's simple
   * subset (native/simple-xpath.c) are walked instead of run through libxml2's XPath engine, with
   * the same values; `libxml2: true` runs them all through libxml2 (the reference of the parity tests).
   */
  prepareXPaths(expressions: string[], options?: { libxml2?: boolean }): object;
  /** How each expression of a {@link prepareXPaths} handle is evaluated. */
  xpathEngines(handle: object): ('simple' | 'libxml2')[];
  /**
   * Read (with `file`), parse, locate the message element, evaluate `xpaths` and validate, on a
   * libuv worker thread. `fallback`: content the caller must handle on its reference path.
   */
  inspect(input: Buffer | string, options: NativeInspectOptions): Promise<NativeInspection>;
  /** Several messages as one job (one wake-up of this thread for all of them). */
  inspect(inputs: (Buffer | string)[], options: NativeInspectOptions): Promise<NativeInspection[]>;
}

/** Where the build (scripts/build-native.mjs) puts the addon, from both src/ and dist/. */
export const NATIVE_ADDON_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../native/build/Release/xsd_native.node');

let addon: NativeXsdAddon | undefined;
let addonError: string | undefined;

/** The native addon, loaded on first use; undefined when it is not built or cannot be loaded (then see {@link nativeAddonProblem}). */
export function nativeXsdAddon(): NativeXsdAddon | undefined {
  if (addon !== undefined || addonError !== undefined) return addon;
  if (!fs.existsSync(NATIVE_ADDON_PATH)) {
    addonError = `the native XSD addon is not built (${NATIVE_ADDON_PATH} is missing; run \`node scripts/build-native.mjs\`, which needs a C compiler and the libxml2 headers, e.g. apt-get install -y g++ make python3 libxml2-dev)`;
    return undefined;
  }
  try {
    addon = withDecodedInspections(createRequire(import.meta.url)(NATIVE_ADDON_PATH) as RawNativeXsdAddon);
  } catch (error) {
    addonError = `the native XSD addon ${NATIVE_ADDON_PATH} cannot be loaded: ${(error as Error).message}`;
  }
  return addon;
}

/** Why {@link nativeXsdAddon} is undefined. */
export function nativeAddonProblem(): string | undefined {
  nativeXsdAddon();
  return addonError;
}

/**
 * The engine to use: `HIE_CONFORM_XSD_ENGINE=wasm|native` when set, else native when the addon is
 * built and loads, else wasm.
 *
 * @throws HarnessError `ERR_CONFIG` when native is forced but unavailable, or for an unknown value.
 */
export function xsdEngine(): XsdEngineName {
  const forced = process.env.HIE_CONFORM_XSD_ENGINE?.trim().toLowerCase();
  if (forced === 'wasm') return 'wasm';
  if (forced === 'native') {
    if (nativeXsdAddon() === undefined) throw new HarnessError('ERR_CONFIG', `HIE_CONFORM_XSD_ENGINE=native, but ${addonError}`);
    return 'native';
  }
  if (forced) throw new HarnessError('ERR_CONFIG', `HIE_CONFORM_XSD_ENGINE must be wasm or native, but received "${process.env.HIE_CONFORM_XSD_ENGINE}"`);
  return nativeXsdAddon() !== undefined ? 'native' : 'wasm';
}

/**
 * Whether HL7v3 validation with these options is XSD only (`--only xsd`): then the native engine
 * is a drop-in (the business rules need the DOM of the WebAssembly engine, so they keep it).
 */
export function isXsdOnly(options: ValidationOptions): boolean {
  const only = options.only;
  return only !== undefined && only.includes('xsd') && !only.includes('rules');
}
