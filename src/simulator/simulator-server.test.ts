import net from 'node:net';
import { expect } from 'chai';
import { createSimulator, type Simulator } from './simulator-server.js';

/** Sends raw bytes on one loopback connection; resolves with everything the server answered before closing. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
  });
}

describe('simulator server: request targets', () => {
  let sim: Simulator;
  before(async () => {
    sim = await createSimulator();
  });
  after(async () => {
    await sim?.close();
  });

  it('answers a target the URL parser rejects with 400, records it, and goes on serving', async () => {
    const answer = await raw(sim.port, 'GET //[x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(answer).to.match(/^HTTP\/1\.1 400 /);
    expect(answer).to.include('request target is not a valid URL: //[x');
    const recorded = sim.exchanges.at(-1)!;
    expect(recorded.request?.url).to.equal('//[x');
    expect(recorded.response?.status).to.equal(400);
    const next = await raw(sim.port, 'GET /hcim/QUPA_AR101102.asmx?wsdl HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(next).to.match(/^HTTP\/1\.1 200 /);
  });
});
