/**
 * Message ids seen in one listen session. HCIM rejects a re-used message id (BCHCIM.RP.2.0032,
 * domain.md §a) and correlates acks by it, so every message a partner sends must carry a fresh one.
 */
export class MessageIdRegister {
  private readonly seen = new Map<string, string>();

  /** Record `id` for `exchangeId`; returns the exchange that already used it, if any. */
  claim(id: string, exchangeId: string): string | undefined {
    const previous = this.seen.get(id);
    if (previous !== undefined) return previous;
    this.seen.set(id, exchangeId);
    return undefined;
  }
}
