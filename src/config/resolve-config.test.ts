import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HarnessError } from '../core/errors.js';
import { resolveConfig } from './resolve-config.js';

function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(path.join(tmpdir(), 'config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text);
  return d;
}

describe('config/resolve-config', () => {
  it('defaults to the embedded local target with its test data', () => {
    const config = resolveConfig([], {}, {}, dir());
    expect(config.target.kind).to.equal('embedded');
    expect(config.target.name).to.equal('local');
    expect(config.target.variables.phn).to.match(/^9\d{9}$/);
    expect(config.reporters).to.deep.equal(['console', 'json', 'junit']);
    expect(config.workers).to.equal(4);
    expect(config.timeoutMs).to.equal(30_000);
  });

  it('--target-url sets the four endpoint bases with the simulator layout; --url overrides one', () => {
    const config = resolveConfig([], { targetUrl: 'https://h.example/base/', url: ['plr-fhir=https://plr.example/fhir-rs/'] }, {}, dir());
    expect(config.target.kind).to.equal('remote');
    expect(config.target.urls).to.deep.equal({
      'hcim-v3': 'https://h.example/base/hcim',
      'hcim-fhir': 'https://h.example/base/hcim/fhir',
      'plr-v3': 'https://h.example/base/plr',
      'plr-fhir': 'https://plr.example/fhir-rs',
    });
    expect(config.target.variables).to.deep.equal({});
  });

  it('resolves defaults < config file < env < flags', () => {
    const cwd = dir({ 'hie-conform.config.yaml': 'target: hiat\ntimeout: 5000\nworkers: 2\ntargets:\n  hiat:\n    baseUrl: https://hiat.example\n    variables: { phn: "9000000001" }\n' });
    const fromFile = resolveConfig([], {}, {}, cwd);
    expect(fromFile.target.name).to.equal('hiat');
    expect(fromFile.timeoutMs).to.equal(5000);
    expect(fromFile.target.variables.phn).to.equal('9000000001');
    const fromEnv = resolveConfig([], {}, { HIE_TIMEOUT: '7000' }, cwd);
    expect(fromEnv.timeoutMs).to.equal(7000);
    const fromFlags = resolveConfig([], { timeout: '9000', var: ['phn=9876543218'] }, { HIE_TIMEOUT: '7000' }, cwd);
    expect(fromFlags.timeoutMs).to.equal(9000);
    expect(fromFlags.target.variables.phn).to.equal('9876543218');
  });

  it('reports config file errors with file:line and the dotted key', () => {
    const cwd = dir({ 'hie-conform.config.yaml': 'targets:\n  hiat:\n    baseUrl: not a url\n' });
    try {
      resolveConfig([], {}, {}, cwd);
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(HarnessError);
      expect((error as Error).message).to.match(/^hie-conform\.config\.yaml:3:\d+: targets\.hiat\.baseUrl: /);
    }
  });

  it('rejects bad flags with the valid forms', () => {
    expect(() => resolveConfig([], { url: ['hcim=http://x'] }, {}, dir())).to.throw('--url must be NAME=URL with NAME one of hcim-v3, hcim-fhir, plr-v3, plr-fhir');
    expect(() => resolveConfig([], { shard: '4/3' }, {}, dir())).to.throw('--shard must be i/n');
    expect(() => resolveConfig([], { workers: '0' }, {}, dir())).to.throw('--workers must be an integer ≥ 1');
    expect(() => resolveConfig([], { target: 'nope' }, {}, dir())).to.throw('target "nope" is not defined; known targets: local, custom');
    expect(() => resolveConfig([], { targetUrl: 'ftp://x' }, {}, dir())).to.throw('must use http or https');
  });
});
