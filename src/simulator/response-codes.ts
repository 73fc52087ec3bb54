import { readFileSync } from 'node:fs';
import { fixturePath } from '../config/package-root.js';

/** Texts of the non-RP BCHCIM codes the simulator answers with (domain.md §a). */
const TEXTS: Record<string, string> = {
  'BCHCIM.GD.0.0013': 'The get demographics query completed successfully.',
  'BCHCIM.GD.1.0015': 'The queried identifier was merged; the surviving record is returned.',
  'BCHCIM.GD.0.0018': 'No results were found for the get demographics query.',
  'BCHCIM.GD.2.0006': 'Error: The HL7 message is invalid. Please correct the HL7 message, and resubmit it.',
  'BCHCIM.FC.0.0012': 'The find candidates query completed successfully.',
  'BCHCIM.FC.0.0017': 'The maximum number of results was returned; refine the search.',
  'BCHCIM.FC.0.0018': 'No candidates were found.',
  'BCHCIM.FC.2.0006': 'Error: The HL7 message is invalid. Please correct the HL7 message, and resubmit it.',
  'BCHCIM.SCH.2.5017': 'The identifier value is empty.',
  'BCHCIM.SCH.2.5107': 'Insufficient search parameters: a surname and one of birth date, address line 1, phone or postal code are required.',
  'BCHCIM.BRV.2.0003': 'PHN Checksum has failed.',
  'BCHCIM.PM.0.0007': 'The merge request has been accepted for processing.',
  'BCHCIM.PM.0.0008': 'The merge request has been processed successfully.',
  'BCHCIM.PM.2.0006': 'Error: The HL7 message is invalid. Please correct the HL7 message, and resubmit it.',
  'BCHCIM.PM.2.0015': 'Error: The non-survivor of the merge has previously been merged.',
  'BCHCIM.PM.2.0002': 'Error: The subject of the transaction has an invalid PHN.  Please check the PHN, and try again.',
  'BCHCIM.PM.2.0032': 'The merge request has been identified as a duplicate message.',
};

let rpTexts: Map<string, string> | undefined;

/** RP texts from the vendored code table fixtures/codes/BCHCIM.RP-codes.csv (first two columns). */
function rpTable(): Map<string, string> {
  if (!rpTexts) {
    rpTexts = new Map();
    const lines = readFileSync(fixturePath('codes', 'BCHCIM.RP-codes.csv'), 'utf8').split(/\r?\n/).slice(1);
    for (const line of lines) {
      const match = /^([^,]+),("(?:[^"]|"")*"|[^,]*)/.exec(line);
      if (match) rpTexts.set(match[1]!.trim(), match[2]!.replace(/^"|"$/g, '').replace(/""/g, '"').trim());
    }
  }
  return rpTexts;
}

/** The display text of a BCHCIM response code (the code itself when unknown). */
export function responseText(code: string): string {
  return TEXTS[code] ?? rpTable().get(code) ?? code;
}

/** 0 information, 1 warning, 2 error: the severity digit of `BCHCIM.<area>.<digit>.<nnnn>`. */
export function severityDigit(code: string): '0' | '1' | '2' {
  const digit = /^BCHCIM\.[A-Z]+\.(\d)\./.exec(code)?.[1];
  return digit === '2' ? '2' : digit === '1' ? '1' : '0';
}
