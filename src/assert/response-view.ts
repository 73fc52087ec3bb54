import type { Document } from '@xmldom/xmldom';
import type { Issue } from '../core/issue.js';
import type { Exchange } from '../transport/exchange.js';
import { parseXml } from '../hl7v3/xml-document.js';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; issue: Issue };

/** The message expectations look at: a response, or a request the harness received. */
export interface ViewedMessage {
  status?: number;
  headers: Record<string, string>;
  body?: string;
}

/** Lazily parsed views of one message body, shared by all expectations of a step. */
export class ResponseView {
  private xmlCache?: ReturnType<typeof parseXml>;
  private jsonCache?: ParsedJson;

  constructor(readonly exchange: Exchange, private readonly message: ViewedMessage | undefined = exchange.response) {}

  /** View the request of an incoming exchange (an async result POSTed to the harness). */
  static ofIncoming(exchange: Exchange): ResponseView {
    return new ResponseView(exchange, { headers: exchange.request.headers, body: exchange.request.body });
  }

  get status(): number | undefined {
    return this.message?.status;
  }

  get body(): string {
    return this.message?.body ?? '';
  }

  header(name: string): string | undefined {
    return this.message?.headers[name.toLowerCase()];
  }

  xml(): { ok: true; document: Document } | { ok: false; issue: Issue } {
    this.xmlCache ??= parseXml(this.body);
    return this.xmlCache;
  }

  json(): ParsedJson {
    if (!this.jsonCache) {
      const text = this.body;
      if (text.trim() === '') {
        this.jsonCache = { ok: false, issue: { severity: 'error', code: 'json.empty', message: 'body is empty, expected a FHIR JSON resource', validator: 'json' } };
      } else {
        try {
          this.jsonCache = { ok: true, value: JSON.parse(text) };
        } catch (error) {
          const position = /position (\d+)/.exec((error as Error).message);
          const offset = position ? Number(position[1]) : undefined;
          const line = offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
          const contentType = this.header('content-type');
          this.jsonCache = {
            ok: false,
            issue: { severity: 'error', code: 'json.not-json', message: `body is not JSON${contentType ? ` (content-type ${contentType})` : ''}: ${(error as Error).message}`, line, validator: 'json' },
          };
        }
      }
    }
    return this.jsonCache;
  }
}
