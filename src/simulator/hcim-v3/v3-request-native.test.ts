import { expect } from 'chai';
import os from 'node:os';
import type { NativeInspection, NativeXsdAddon } from '../../validate/xsd-engine.js';
import { inspectV3RequestNative } from './v3-request-native.js';

/**
 * An addon that answers each message as a root named after its text, in a foreign namespace (so the
 * reader answers "not HL7v3" naming it), after a pause, and records how the jobs came.
 */
function recordingAddon() {
  const seen = { jobs: [] as number[], concurrent: 0, maxConcurrent: 0 };
  const addon = {
    prepareXPaths: () => ({}),
    inspect: async (inputs: Buffer[]): Promise<NativeInspection[]> => {
      seen.jobs.push(inputs.length);
      seen.concurrent += 1;
      seen.maxConcurrent = Math.max(seen.maxConcurrent, seen.concurrent);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.concurrent -= 1;
      return inputs.map((input) => ({ status: 'ok', name: input.toString('utf8'), ns: 'urn:other', line: 1 }));
    },
  } as unknown as NativeXsdAddon;
  return { addon, seen };
}

describe('HCIM request reader (native addon): requests queue for the addon', () => {
  it('keeps at most one job per core but one on the pool, each of at most 64 requests, and answers every request with its own result', async () => {
    const { addon, seen } = recordingAddon();
    const names = Array.from({ length: 300 }, (_, i) => `queued${i}`);
    const results = await Promise.all(names.map((name) => inspectV3RequestNative(addon, name)));
    results.forEach((result, i) => expect(result).to.deep.equal({ ok: false, reason: `message root {urn:other}${names[i]} is not in the HL7v3 namespace urn:hl7-org:v3` }));
    const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    expect(seen.maxConcurrent).to.equal(Math.max(1, cpus - 1));
    expect(Math.max(...seen.jobs)).to.equal(64);
    expect(seen.jobs.reduce((sum, n) => sum + n, 0)).to.equal(300);
  });

  it('sends a lone request at once, as a job of one', async () => {
    const { addon, seen } = recordingAddon();
    expect(await inspectV3RequestNative(addon, 'alone')).to.deep.equal({ ok: false, reason: 'message root {urn:other}alone is not in the HL7v3 namespace urn:hl7-org:v3' });
    expect(seen.jobs).to.deep.equal([1]);
  });

  it('fails every request of a job whose inspection fails, and goes on with the next ones', async () => {
    let calls = 0;
    const addon = {
      prepareXPaths: () => ({}),
      inspect: async (inputs: Buffer[]): Promise<NativeInspection[]> => {
        calls += 1;
        if (calls === 1) throw new Error('inspect failed');
        return inputs.map((input) => ({ status: 'ok', name: input.toString('utf8'), ns: 'urn:other', line: 1 }));
      },
    } as unknown as NativeXsdAddon;
    const first = await Promise.allSettled([inspectV3RequestNative(addon, 'a'), inspectV3RequestNative(addon, 'b')]);
    expect(first.map((result) => result.status)).to.deep.equal(['rejected', 'rejected']);
    expect(await inspectV3RequestNative(addon, 'c')).to.have.property('reason').that.includes('}c ');
  });

  it('fails the waiting requests, without ending the process, when the addon cannot prepare the XPaths', async () => {
    const addon = {
      prepareXPaths: () => {
        throw new Error('no XPath support');
      },
      inspect: async () => [],
    } as unknown as NativeXsdAddon;
    const results = await Promise.allSettled([inspectV3RequestNative(addon, 'a'), inspectV3RequestNative(addon, 'b')]);
    expect(results.map((result) => (result.status === 'rejected' ? (result.reason as Error).message : 'fulfilled'))).to.deep.equal(['no XPath support', 'no XPath support']);
  });
});
