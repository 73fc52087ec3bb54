import type { ElementDefinition, StructureDefinition } from './definitions.js';

/** Resolves a StructureDefinition by canonical URL, with its snapshot (generated if need be). */
export type SnapshotResolver = (url: string) => { elements: ElementDefinition[]; note?: string } | undefined;

/** Result of applying a differential to its base. */
export interface GeneratedSnapshot {
  elements: ElementDefinition[];
  /** Differential elements that could not be placed, and substitutions made (e.g. a missing parent). */
  notes: string[];
}

/** Properties of a differential element merged onto the snapshot element (FHIR R4 profiling §5.1.0.14). */
const MERGED = new Set(['min', 'max', 'type', 'binding', 'slicing', 'sliceName', 'mustSupport', 'short', 'definition', 'maxLength', 'fixed', 'pattern']);

/**
 * Generates a snapshot from `sd.differential` over the base's snapshot. Handles constraints on
 * existing elements, slices (copied from the sliced element with its descendants), and elements
 * inside data types the base does not unroll (`Patient.identifier.extension:x`, `value[x].identifier`).
 */
export function generateSnapshot(sd: StructureDefinition, resolve: SnapshotResolver, fallbackBaseUrl?: string): GeneratedSnapshot {
  const notes: string[] = [];
  let parent = sd.baseDefinition ? resolve(sd.baseDefinition) : undefined;
  if (!parent && fallbackBaseUrl) {
    parent = resolve(fallbackBaseUrl);
    notes.push(`base ${sd.baseDefinition} is not loaded: built on ${fallbackBaseUrl} instead`);
  }
  if (!parent) throw new Error(`base ${sd.baseDefinition ?? '(none)'} of ${sd.url} is not loaded`);
  if (parent.note) notes.push(parent.note);
  const elements = parent.elements.map((element) => structuredClone(element));

  for (const diff of sd.differential?.element ?? []) {
    const id = diff.id ?? diff.path;
    let index = elements.findIndex((element) => element.id === id);
    if (index < 0) index = materialise(elements, id, resolve);
    if (index < 0) {
      notes.push(`differential element ${id} has no counterpart in the base`);
      continue;
    }
    mergeInto(elements[index]!, diff);
  }
  return { elements, notes };
}

function mergeInto(target: ElementDefinition, diff: ElementDefinition): void {
  for (const [key, value] of Object.entries(diff)) {
    const family = key.startsWith('fixed') ? 'fixed' : key.startsWith('pattern') ? 'pattern' : key;
    if (family === 'constraint') {
      target.constraint = [...(target.constraint ?? []), ...(value as ElementDefinition['constraint'] ?? [])];
    } else if (MERGED.has(family)) {
      target[key] = structuredClone(value);
    }
  }
}

/** Ensures the element `id` exists, creating slices and unrolling data types; returns its index or -1. */
function materialise(elements: ElementDefinition[], id: string, resolve: SnapshotResolver): number {
  const segments = id.split('.');
  const last = segments[segments.length - 1]!;
  const colon = last.indexOf(':');
  if (colon >= 0) {
    // A slice: copy the sliced element and its descendants, renamed.
    const slicedId = [...segments.slice(0, -1), last.slice(0, colon)].join('.');
    let slicedIndex = elements.findIndex((element) => element.id === slicedId);
    if (slicedIndex < 0) slicedIndex = materialise(elements, slicedId, resolve);
    if (slicedIndex < 0) return -1;
    const subtree = descendants(elements, slicedIndex);
    const copies = [elements[slicedIndex]!, ...subtree].map((element) => {
      const copy = structuredClone(element);
      copy.id = id + element.id.slice(slicedId.length);
      return copy;
    });
    copies[0]!.sliceName = last.slice(colon + 1);
    delete copies[0]!.slicing;
    // Slices go after the sliced element's subtree and any earlier slices of it.
    let insertAt = slicedIndex + 1 + subtree.length;
    while (insertAt < elements.length && elements[insertAt]!.id.startsWith(`${slicedId}:`)) insertAt++;
    elements.splice(insertAt, 0, ...copies);
    return insertAt;
  }
  if (segments.length < 2) return -1;
  const parentId = segments.slice(0, -1).join('.');
  let parentIndex = elements.findIndex((element) => element.id === parentId);
  if (parentIndex < 0) parentIndex = materialise(elements, parentId, resolve);
  if (parentIndex < 0) return -1;
  if (descendants(elements, parentIndex).length === 0) unroll(elements, parentIndex, resolve);
  return elements.findIndex((element) => element.id === id);
}

/** Inserts the children of the parent's data type (`Identifier.system` → `Patient.identifier.system`). */
function unroll(elements: ElementDefinition[], parentIndex: number, resolve: SnapshotResolver): void {
  const parent = elements[parentIndex]!;
  const types = parent.type ?? [];
  // A choice restricted to one type, or several primitives (which share id/extension/value), unrolls.
  const typeCode = types.length === 1 || types.every((type) => /^[a-z]/.test(type.code)) ? types[0]?.code : undefined;
  if (!typeCode) return;
  const typeSnapshot = resolve(`http://hl7.org/fhir/StructureDefinition/${typeCode}`);
  if (!typeSnapshot) return;
  const [root, ...children] = typeSnapshot.elements;
  if (!root) return;
  const copies = children.map((child) => {
    const copy = structuredClone(child);
    copy.id = parent.id + child.id.slice(root.id.length);
    copy.path = parent.path + child.path.slice(root.path.length);
    return copy;
  });
  elements.splice(parentIndex + 1, 0, ...copies);
}

function descendants(elements: ElementDefinition[], index: number): ElementDefinition[] {
  const prefix = `${elements[index]!.id}.`;
  const result: ElementDefinition[] = [];
  for (let i = index + 1; i < elements.length && elements[i]!.id.startsWith(prefix); i++) result.push(elements[i]!);
  return result;
}
