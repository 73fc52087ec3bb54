import type { Issue } from '../../core/issue.js';
import type { ElementNode } from '../xml-tree.js';
import { registryOf } from './registry-of.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'bchcim-code';

/**
 * `BCHCIM.<area>.<severity>.<nnnn>`: area letters (GD, FC, RP, PM, SCH, BRV…), severity 0 info /
 * 1 warning / 2 error, four digits (domain.md, "Response / detected-issue codes"). hnweb's
 * FindCandidates no-match sample carries an extra `.0` (`BCHCIM.FC.0.0018.0`), accepted here.
 */
export const BCHCIM_CODE = /^BCHCIM\.([A-Z]+)\.([012])\.(\d{4})(\.\d+)?$/;

/** Severity digits an acknowledgement typeCode allows. */
const ALLOWED_SEVERITY: Readonly<Record<string, readonly string[]>> = {
  AA: ['0', '1'],
  AE: ['2'],
  AR: ['2'],
  // Accept-level acks only confirm receipt: HCIM's MCCI_IN000002 answers to PersonRevised are
  // typeCode CA also when the detail is an error (death-date-esb: RP.2.0004, 2.0005, 2.0006).
  CA: ['0', '1', '2'],
  CE: ['2'],
  CR: ['2'],
};
/** acknowledgementDetail/@typeCode (HL7 AcknowledgementDetailType) for each severity digit. */
const DETAIL_TYPE: Readonly<Record<string, string>> = { '0': 'I', '1': 'W', '2': 'E' };

/**
 * Response codes are well-formed BCHCIM codes and agree with each other: queryAck/queryResponseCode
 * (whose real-world value is `"CODE | text"` or `"CODE|text…"`), a BCHCIM code in acceptAckCode
 * (error replies), and acknowledgementDetail codes versus acknowledgement/@typeCode.
 */
export const bchcimCodeRule: Rule = {
  id: ID,
  description: 'BCHCIM response codes are well-formed (BCHCIM.<area>.<0|1|2>.<nnnn>) and consistent with the ack type and each other',
  appliesTo: (root) => registryOf(root) === 'hcim',
  check({ message }) {
    const issues: Issue[] = [];
    const queryResponseCode = message.at('controlActProcess', 'queryAck', 'queryResponseCode');
    const queryCode = queryResponseCode ? checkCode(issues, queryResponseCode, 'queryAck/queryResponseCode/@code', true) : undefined;

    const acceptAckCode = message.child('acceptAckCode');
    const acceptValue = acceptAckCode?.attr('code');
    if (acceptAckCode && acceptValue?.startsWith('BCHCIM')) {
      const acceptCode = checkCode(issues, acceptAckCode, 'acceptAckCode/@code', false);
      if (acceptCode && queryCode && acceptCode.severity !== queryCode.severity) {
        issues.push(
          ruleIssue(ID, acceptAckCode, `Unexpected acceptAckCode/@code severity: expected ${queryCode.severity} as in queryAck/queryResponseCode "${queryCode.code}", but received ${acceptCode.severity} in "${acceptCode.code}"`, { attribute: 'code' }),
        );
      }
    }

    for (const acknowledgement of message.childrenNamed('acknowledgement')) {
      const typeCode = acknowledgement.attr('typeCode');
      for (const detail of acknowledgement.childrenNamed('acknowledgementDetail')) {
        const codeNode = detail.child('code');
        if (codeNode === undefined) continue;
        const parsed = checkCode(issues, codeNode, 'acknowledgementDetail/code/@code', false);
        if (parsed === undefined) continue;
        const allowed = typeCode ? ALLOWED_SEVERITY[typeCode] : undefined;
        if (allowed && !allowed.includes(parsed.severity)) {
          issues.push(
            ruleIssue(ID, codeNode, `Unexpected severity in acknowledgementDetail/code/@code for acknowledgement typeCode "${typeCode}": expected ${allowed.join(' or ')}, but received ${parsed.severity} in "${parsed.code}"`, { attribute: 'code' }),
          );
        }
        const detailType = detail.attr('typeCode');
        if (detailType !== undefined && detailType !== DETAIL_TYPE[parsed.severity]) {
          issues.push(
            ruleIssue(ID, detail, `Unexpected acknowledgementDetail/@typeCode: expected "${DETAIL_TYPE[parsed.severity]}" for severity ${parsed.severity} of "${parsed.code}", but received "${detailType}"`, { attribute: 'typeCode' }),
          );
        }
      }
    }
    return issues;
  },
};

interface ParsedCode {
  code: string;
  severity: string;
}

/** Parses and checks one code; `withText` allows HCIM's `"CODE | text"` form. */
function checkCode(issues: Issue[], node: ElementNode, subject: string, withText: boolean): ParsedCode | undefined {
  const value = node.attr('code');
  const code = withText && value !== undefined ? value.split('|')[0]!.trim() : value;
  const match = code === undefined ? null : BCHCIM_CODE.exec(code);
  if (match === null) {
    const shown = value !== undefined && value.length > 80 ? `${value.slice(0, 80)}…` : value;
    issues.push(ruleIssue(ID, node, `Unexpected ${subject}: expected a code BCHCIM.<area>.<0|1|2>.<nnnn>${withText ? ' (optionally followed by "| text")' : ''}, but received ${quoted(shown)}`, { attribute: 'code' }));
    return undefined;
  }
  return { code: code!, severity: match[2]! };
}
