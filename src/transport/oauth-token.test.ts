import { expect } from 'chai';
import { TokenProvider } from './oauth-token.js';
import { startTestServer } from './test-helpers/test-server.js';

describe('transport/oauth-token', () => {
  it('fetches once, caches until expiry, and fetches afresh after invalidate()', async () => {
    let issued = 0;
    const server = await startTestServer((_req, res, body) => {
      const form = new URLSearchParams(body);
      if (form.get('client_secret') !== 'right') {
        res.writeHead(401, { 'content-type': 'application/json' });
        return void res.end('{"error":"invalid_client"}');
      }
      issued += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `token-${issued}`, expires_in: 300, token_type: 'Bearer' }));
    });
    try {
      const provider = new TokenProvider({ tokenUrl: `${server.url}/token`, clientId: 'c', clientSecret: 'right', timeoutMs: 2000 });
      const [a, b] = await Promise.all([provider.token(), provider.token()]);
      expect([a, b]).to.deep.equal(['token-1', 'token-1']);
      expect(await provider.token()).to.equal('token-1');
      provider.invalidate();
      expect(await provider.token()).to.equal('token-2');
      expect(server.requests[0]!.body).to.contain('grant_type=client_credentials');
      const wrong = new TokenProvider({ tokenUrl: `${server.url}/token`, clientId: 'c', clientSecret: 'wrong', timeoutMs: 2000 });
      try {
        await wrong.token();
        expect.fail('should throw');
      } catch (error) {
        expect((error as Error).message).to.contain('refused client "c": HTTP 401 invalid_client');
        expect((error as Error).message).to.not.contain('wrong');
      }
    } finally {
      await server.close();
    }
  });
});
