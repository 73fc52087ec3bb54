import { collegeBody } from '../college-bodies.js';
import { isBlank, type DqFields } from '../dq-record.js';
import type { CheckContext } from '../checks/check-context.js';

/**
 * IPC, CPN and (licensing body, college id) must each identify one provider record. Provider
 * registries are small (the whole PLR is a few hundred thousand records), so plain maps suffice.
 */
export class ProviderDuplicates {
  private readonly seen = { ipc: new Map<string, number>(), cpn: new Map<string, number>(), college: new Map<string, number>() };
  private readonly where: { file: number; row: number }[] = [];

  constructor(private readonly files: readonly string[]) {}

  check(fields: DqFields, row: number, fileIndex: number, ctx: CheckContext): void {
    const here = this.where.push({ file: fileIndex, row }) - 1;
    const body = collegeBody(fields.identifierType ?? '');
    const keys: [keyof ProviderDuplicates['seen'], string, string, string | undefined][] = [
      ['ipc', 'ipc-duplicate', 'ipc', fields.ipc],
      ['cpn', 'cpn-duplicate', 'cpn', fields.cpn],
      ['college', 'college-id-duplicate', 'collegeId', body && !isBlank(fields.collegeId) ? `${body.code}|${fields.collegeId!.trim()}` : undefined],
    ];
    for (const [map, rule, field, key] of keys) {
      if (key === undefined || isBlank(key)) continue;
      const normal = key.trim().toUpperCase();
      const previous = this.seen[map].get(normal);
      if (previous === undefined) {
        this.seen[map].set(normal, here);
        continue;
      }
      const other = this.where[previous]!;
      const related = { file: this.files[other.file]!, row: other.row };
      const value = field === 'collegeId' ? fields.collegeId! : key;
      ctx.flag(rule, field, value, `${field} also on ${other.file === fileIndex ? '' : `${related.file} `}row ${other.row}`, related);
    }
  }
}
