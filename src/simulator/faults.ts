/** Transport-level misbehaviour the simulator can inject for one interaction (`serve --fault`). */
export interface Fault {
  /** Interaction it applies to (`HCIM_IN_GetDemographics`, `GetDemographics`, `Patient/$GetDemographics`, `*`). */
  interaction: string;
  kind: 'latency' | 'http500' | 'malformed' | 'drop' | 'slow-body';
  /** latency: delay before answering; slow-body: total time spread over the body (default 2000). */
  ms?: number;
}

export const FAULT_KINDS: readonly Fault['kind'][] = ['latency', 'http500', 'malformed', 'drop', 'slow-body'];

/** Parse `<interaction>=latency:ms|http500|malformed|drop|slow-body[:ms]`. Throws Error with the valid forms. */
export function parseFault(spec: string): Fault {
  const match = /^([^=]+)=([a-z0-9-]+)(?::(\d+))?$/.exec(spec.trim());
  const kind = match?.[2] as Fault['kind'] | undefined;
  if (!match || !kind || !FAULT_KINDS.includes(kind)) {
    throw new Error(`--fault must be <interaction>=latency:<ms>|http500|malformed|drop|slow-body[:<ms>], but received "${spec}"`);
  }
  if (kind === 'latency' && match[3] === undefined) throw new Error(`--fault ${spec}: latency needs milliseconds, e.g. ${match[1]}=latency:500`);
  return { interaction: match[1]!.trim(), kind, ...(match[3] !== undefined ? { ms: Number(match[3]) } : {}) };
}

/** The fault for an answered interaction, if any. Names match exactly or without `HCIM_IN_` / `…$` prefixes. */
export function faultFor(faults: readonly Fault[], interaction: string | undefined): Fault | undefined {
  // No faults configured (the usual case): skip building the name matcher on every answer.
  if (interaction === undefined || faults.length === 0) return undefined;
  const bare = (name: string) => name.replace(/^HCIM_IN_/, '').replace(/^.*\$/, '');
  return faults.find((f) => f.interaction === '*' || f.interaction === interaction || bare(f.interaction) === bare(interaction));
}
