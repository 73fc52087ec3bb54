import type { DqKind } from '../dq-record.js';
import type { RecordCheck } from './check-context.js';
import { checkDeceasedDate } from './client/deceased-date.js';
import { checkNameSwap } from './client/name-swap.js';
import { checkPhn } from './client/phn.js';
import { checkAddressLine } from './common/address-line.js';
import { checkBirthDate } from './common/birth-date.js';
import { checkEmail } from './common/email.js';
import { checkGender } from './common/gender.js';
import { checkNames } from './common/name-checks.js';
import { checkPhones } from './common/phone.js';
import { checkPostalCode } from './common/postal-code.js';
import { checkCollegeId } from './provider/college-id.js';
import { checkIpcCpn } from './provider/ipc-cpn.js';
import { checkLicenceStatus } from './provider/licence-status.js';
import { checkProviderType } from './provider/provider-type.js';

/** The stateless per-record checks of each kind, in the order their findings appear. */
export const RECORD_CHECKS: Readonly<Record<DqKind, readonly RecordCheck[]>> = {
  client: [
    checkPhn,
    checkNames,
    checkNameSwap,
    (fields, ctx) => checkBirthDate(fields, ctx, true),
    checkDeceasedDate,
    checkGender,
    checkAddressLine,
    checkPostalCode,
    checkPhones,
    checkEmail,
  ],
  provider: [
    checkIpcCpn,
    checkCollegeId,
    checkProviderType,
    checkLicenceStatus,
    checkNames,
    (fields, ctx) => checkBirthDate(fields, ctx, false),
    checkGender,
    checkAddressLine,
    checkPostalCode,
    checkPhones,
    checkEmail,
  ],
};
