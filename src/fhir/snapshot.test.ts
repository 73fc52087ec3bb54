import { expect } from 'chai';
import type { ElementDefinition, StructureDefinition } from './definitions.js';
import { generateSnapshot, type SnapshotResolver } from './snapshot.js';

const el = (id: string, extra: Partial<ElementDefinition> = {}): ElementDefinition => ({ id, path: id.replace(/:[^.]*/g, ''), ...extra });
const BASES: Record<string, ElementDefinition[]> = {
  'http://hl7.org/fhir/StructureDefinition/Thing': [
    el('Thing'),
    el('Thing.code', { min: 0, max: '1', type: [{ code: 'Coding' }] }),
    el('Thing.item', { min: 0, max: '*', type: [{ code: 'BackboneElement' }] }),
    el('Thing.item.name', { min: 1, max: '1', type: [{ code: 'string' }] }),
    el('Thing.value[x]', { min: 0, max: '1', type: [{ code: 'string' }, { code: 'boolean' }] }),
  ],
  'http://hl7.org/fhir/StructureDefinition/Coding': [el('Coding'), el('Coding.system', { min: 0, max: '1' }), el('Coding.code', { min: 0, max: '1' })],
  'http://hl7.org/fhir/StructureDefinition/string': [el('string'), el('string.id'), el('string.extension', { max: '*' }), el('string.value')],
};
const resolve: SnapshotResolver = (url) => (BASES[url] ? { elements: BASES[url]! } : undefined);
const sd = (elements: ElementDefinition[], baseDefinition = 'http://hl7.org/fhir/StructureDefinition/Thing'): StructureDefinition => ({
  resourceType: 'StructureDefinition', url: 'http://example.org/p', type: 'Thing', baseDefinition, differential: { element: elements },
});

describe('snapshot generation', () => {
  it('merges constraints onto existing elements and appends constraints', () => {
    const { elements } = generateSnapshot(sd([el('Thing', { constraint: [{ key: 'x-1', severity: 'error', expression: 'true' }] }), el('Thing.code', { min: 1 })]), resolve);
    expect(elements.find((element) => element.id === 'Thing.code')!.min).to.equal(1);
    expect(elements[0]!.constraint!.map((constraint) => constraint.key)).to.deep.equal(['x-1']);
    expect(BASES['http://hl7.org/fhir/StructureDefinition/Thing']![1]!.min).to.equal(0); // base untouched
  });

  it('creates slices with copies of the sliced element subtree, after earlier slices', () => {
    const { elements } = generateSnapshot(sd([
      el('Thing.item', { slicing: { discriminator: [{ type: 'value', path: 'name' }], rules: 'open' } }),
      el('Thing.item:a', { sliceName: 'a', min: 1, max: '1' }),
      el('Thing.item:a.name', { fixedString: 'a' } as Partial<ElementDefinition>),
      el('Thing.item:b', { sliceName: 'b' }),
    ]), resolve);
    expect(elements.map((element) => element.id)).to.deep.equal(['Thing', 'Thing.code', 'Thing.item', 'Thing.item.name', 'Thing.item:a', 'Thing.item:a.name', 'Thing.item:b', 'Thing.item:b.name', 'Thing.value[x]']);
    expect(elements.find((element) => element.id === 'Thing.item:a.name')!.fixedString).to.equal('a');
    expect(elements.find((element) => element.id === 'Thing.item:a')!.slicing).to.equal(undefined);
  });

  it('unrolls data types, including a choice restricted to one type', () => {
    const { elements, notes } = generateSnapshot(sd([
      el('Thing.code.system', { min: 1 }),
      el('Thing.value[x]', { type: [{ code: 'string' }] }),
      el('Thing.value[x].extension:src', { sliceName: 'src', max: '1' }),
      el('Thing.nothing', { min: 1 }),
    ]), resolve);
    expect(elements.find((element) => element.id === 'Thing.code.system')).to.include({ path: 'Thing.code.system', min: 1 });
    expect(elements.some((element) => element.id === 'Thing.value[x].extension:src')).to.equal(true);
    expect(notes).to.deep.equal(['differential element Thing.nothing has no counterpart in the base']);
  });

  it('falls back to a given base when the declared parent is not loaded, with a note', () => {
    const { notes } = generateSnapshot(sd([], 'http://example.org/missing-parent'), resolve, 'http://hl7.org/fhir/StructureDefinition/Thing');
    expect(notes[0]).to.equal('base http://example.org/missing-parent is not loaded: built on http://hl7.org/fhir/StructureDefinition/Thing instead');
  });
});
