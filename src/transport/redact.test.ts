import assert from 'node:assert/strict';
import { REDACTED, redactHeaders } from './redact.js';

describe('redactHeaders', () => {
  it('lower-cases names, joins repeated values, stringifies numbers, drops undefined and redacts secrets', () => {
    const out = redactHeaders({ 'Content-Type': 'text/xml', Authorization: 'Basic c2VjcmV0', 'set-cookie': ['a=1', 'b=2'], 'X-Multi': ['x', 'y'], 'content-length': 12, gone: undefined, Cookie: 'c=3', 'x-api-key': 'k', 'Proxy-Authorization': 'p' });
    assert.deepEqual(out, { 'content-type': 'text/xml', authorization: REDACTED, 'set-cookie': REDACTED, 'x-multi': 'x, y', 'content-length': '12', cookie: REDACTED, 'x-api-key': REDACTED, 'proxy-authorization': REDACTED });
    assert.deepEqual(Object.keys(out), ['content-type', 'authorization', 'set-cookie', 'x-multi', 'content-length', 'cookie', 'x-api-key', 'proxy-authorization']);
  });
});
