import { collegeBody, COLLEGE_BODIES } from '../../college-bodies.js';
import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

/** College id type is a known licensing body, the id is present and in that body's format, and the provider type belongs to it. */
export function checkCollegeId(fields: DqFields, ctx: CheckContext): void {
  if (fields.identifierType === undefined && fields.collegeId === undefined) return;
  const type = fields.identifierType ?? '';
  const body = collegeBody(type);
  if (!body) {
    ctx.flag('college-id-type', 'identifierType', type, isBlank(type) ? 'college identifier type is missing' : `college identifier type must be one of ${COLLEGE_BODIES.map((b) => b.code).join(', ')}`);
  }
  const id = fields.collegeId;
  if (id !== undefined && isBlank(id)) ctx.flag('college-id-missing', 'collegeId', id, 'college id (licence number) is missing');
  else if (id !== undefined && body && !body.pattern.test(id.trim())) ctx.flag('college-id-format', 'collegeId', id, `${body.code} college id must match ${body.pattern.source}`);
  const providerType = (fields.providerType ?? '').trim().toUpperCase();
  if (body && providerType !== '' && !body.providerTypes.includes(providerType)) {
    ctx.flag('college-type-mismatch', 'providerType', fields.providerType!, `${body.code} (${body.name}) licenses ${body.providerTypes.join(', ')}, not this provider type`);
  }
}
