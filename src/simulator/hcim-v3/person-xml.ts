import { HCIM_OID } from '../../hl7v3/oids.js';
import type { Person } from '../person.js';
import { xmlText } from '../xml-text.js';

/**
 * The `target` (IdentifiedPerson role) of a GetDemographics/FindCandidates reply. Masked persons
 * carry `nullFlavor="MSK"` on demographics, as real HCIM does for protected clients.
 */
export function personTarget(person: Person, options: { score?: number } = {}): string {
  const masked = Boolean(person.masked);
  const parts: string[] = ['<target classCode="IDENT">'];
  for (const id of person.sourceIds) parts.push(`<id root="${xmlText(id.root)}" extension="${xmlText(id.extension)}" assigningAuthorityName="${xmlText(id.assigningAuthorityName)}"/>`);
  if (masked) parts.push('<addr nullFlavor="MSK"/>');
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
    for (const name of person.names) {
      parts.push(`<name use="${name.use}">${name.given.map((g) => `<given>${xmlText(g)}</given>`).join('')}<family>${xmlText(name.family)}</family></name>`);
    }
    parts.push(`<administrativeGenderCode code="${person.gender}"/>`, `<birthTime value="${person.birthDate}"/>`);
    if (person.deceasedDate) parts.push('<deceasedInd value="true"/>', `<deceasedTime value="${person.deceasedDate}"/>`);
  }
  parts.push('</identifiedPerson>');
  if (options.score !== undefined) {
    parts.push(`<subjectOf typeCode="SUBJ"><observationEvent classCode="OBS" moodCode="EVN"><code code="SCORE"/><value value="${options.score}"/></observationEvent></subjectOf>`);
  }
  parts.push('</target>');
  return parts.join('\n');
}
