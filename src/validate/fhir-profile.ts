import { HarnessError } from '../core/errors.js';
import type { MessageValidator } from './contract.js';

/** FHIR R4 + BC profile validation. Placeholder until issue 5 lands. */
export const validateFhir: MessageValidator = async () => {
  throw new HarnessError('ERR_VALIDATOR_UNAVAILABLE', 'validator not available: FHIR profile validation is not built yet');
};
