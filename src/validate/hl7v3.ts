import { HarnessError } from '../core/errors.js';
import type { MessageValidator } from './contract.js';

/** HL7v3 validation (XSD + business rules + known deviations). Placeholder until issue 4 lands. */
export const validateHl7v3: MessageValidator = async () => {
  throw new HarnessError('ERR_VALIDATOR_UNAVAILABLE', 'validator not available: HL7v3 validation (xsd, rules) is not built yet');
};
