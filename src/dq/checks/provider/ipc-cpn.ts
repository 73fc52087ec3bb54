import { isBlank, type DqFields } from '../../dq-record.js';
import type { CheckContext } from '../check-context.js';

const IPC = /^IPC\.\d{8}\.BC\.PRS$/;
const CPN = /^CPN\.\d{8}\.BC\.PRS$/;

/** IPC required, CPN expected; both `XXX.########.BC.PRS` (domain.md §d). */
export function checkIpcCpn(fields: DqFields, ctx: CheckContext): void {
  if (fields.ipc !== undefined) {
    if (isBlank(fields.ipc)) ctx.flag('ipc-missing', 'ipc', fields.ipc, 'IPC is required (PLR messages without one are rejected)');
    else if (!IPC.test(fields.ipc.trim())) ctx.flag('ipc-format', 'ipc', fields.ipc, 'IPC must be IPC.########.BC.PRS');
  }
  if (fields.cpn !== undefined) {
    if (isBlank(fields.cpn)) ctx.flag('cpn-missing', 'cpn', fields.cpn, 'CPN is missing');
    else if (!CPN.test(fields.cpn.trim())) ctx.flag('cpn-format', 'cpn', fields.cpn, 'CPN must be CPN.########.BC.PRS');
  }
}
