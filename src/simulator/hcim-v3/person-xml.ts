import { HCIM_OID } from '../../hl7v3/oids.js';
import type { Person } from '../person.js';
import { xmlText } from '../xml-text.js';

export interface PersonXmlOptions {
  /** FindCandidates match score (`subjectOf/observationEvent` SCORE). */
  score?: number;
  /** History flavour: former names too, closed with validTime/high. */
  history?: boolean;
  /** Show masked demographics in clear (defect `unmasked-protected-person`). */
  unmask?: boolean;
  /** Element name of the role: `target` in queries, `identifiedPerson` in registration replies. */
  element?: 'target' | 'identifiedPerson';
}

/**
 * The IdentifiedPerson role of a reply (QUPA_MT101102). Masked persons carry `nullFlavor="MSK"` on
 * demographics, as real HCIM does for protected clients. Registration replies add the mandatory
 * `assigningOrganization` (HCIM).
 */
export function personTarget(person: Person, options: PersonXmlOptions = {}): string {
  const element = options.element ?? 'target';
  const masked = Boolean(person.masked) && !options.unmask;
  const parts: string[] = [`<${element} classCode="IDENT">`];
  for (const id of person.sourceIds) parts.push(`<id root="${xmlText(id.root)}" extension="${xmlText(id.extension)}" assigningAuthorityName="${xmlText(id.assigningAuthorityName)}"/>`);
  // QUPA_MT101102.IdentifiedPerson/id is 1..*: a person without source ids is identified by its PHN.
  if (element === 'identifiedPerson' && person.sourceIds.length === 0) parts.push(`<id root="${HCIM_OID.phn}" extension="${person.phn}" assigningAuthorityName="MOH_CRS"/>`);
  if (masked) parts.push('<addr use="PHYS" nullFlavor="MSK"/>');
  else {
    for (const address of person.addresses.slice(0, 2)) {
      parts.push(`<addr use="${address.use}">${address.lines.map((l) => `<streetAddressLine>${xmlText(l)}</streetAddressLine>`).join('')}<city>${xmlText(address.city)}</city><state>${xmlText(address.province)}</state><postalCode>${xmlText(address.postalCode)}</postalCode><country>${xmlText(address.country)}</country></addr>`);
    }
    for (const telecom of person.telecoms) parts.push(`<telecom use="${telecom.use}" value="${xmlText(telecom.value)}"/>`);
  }
  parts.push('<identifiedPerson classCode="PSN" determinerCode="INSTANCE">');
  parts.push(`<id root="${HCIM_OID.phn}" extension="${person.phn}" assigningAuthorityName="MOH_CRS" displayable="true"/>`);
  if (masked) {
    parts.push('<name use="L" nullFlavor="MSK"/>', '<administrativeGenderCode nullFlavor="MSK"/>', '<birthTime nullFlavor="MSK"/>');
  } else {
    for (const name of person.names) parts.push(`<name use="${name.use}">${nameParts(name)}</name>`);
    if (options.history) {
      for (const name of person.formerNames ?? []) parts.push(`<name use="${name.use}">${nameParts(name)}<validTime><high value="${name.validTo}"/></validTime></name>`);
    }
    parts.push(`<administrativeGenderCode code="${person.gender}"/>`, `<birthTime value="${person.birthDate}"/>`);
    if (person.deceasedDate) parts.push('<deceasedInd value="true"/>', `<deceasedTime value="${person.deceasedDate}"/>`);
  }
  parts.push('</identifiedPerson>');
  if (element === 'identifiedPerson') {
    parts.push(`<assigningOrganization classCode="ORG" determinerCode="INSTANCE"><id root="${HCIM_OID.organization}" extension="HCIM"/></assigningOrganization>`);
  }
  if (options.score !== undefined) {
    parts.push(`<subjectOf typeCode="SBJ"><observationEvent classCode="OBS" moodCode="EVN"><code code="SCORE"/><value value="${options.score}"/></observationEvent></subjectOf>`);
  }
  parts.push(`</${element}>`);
  return parts.join('\n');
}

function nameParts(name: { given: string[]; family: string }): string {
  return `${name.given.map((g) => `<given>${xmlText(g)}</given>`).join('')}<family>${xmlText(name.family)}</family>`;
}
