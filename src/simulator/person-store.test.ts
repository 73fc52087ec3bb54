import { expect } from 'chai';
import { fixturePath } from '../config/package-root.js';
import { isValidPhn } from '../hl7v3/phn.js';
import { PersonStore } from './person-store.js';
import { parseProviderCsv, ProviderStore } from './provider-store.js';

describe('simulator stores', () => {
  const seeded = () => PersonStore.fromSeedFile(fixturePath('seed', 'hcim-persons.json'));

  it('assigns new PHNs with a valid check digit, never reusing one', () => {
    const store = seeded();
    const phns = new Set<string>();
    for (let i = 0; i < 50; i++) phns.add(store.add({ sourceIds: [], names: [{ use: 'L', family: `F${i}`, given: [] }], gender: 'UN', birthDate: '20000101', addresses: [], telecoms: [] }).phn);
    expect(phns.size).to.equal(50);
    for (const phn of phns) expect(isValidPhn(phn), phn).to.equal(true);
  });

  it('merge follows to the survivor and refuses self-merges; nullify hides the person; versions are kept', () => {
    const store = seeded();
    expect(store.merge('9877176002', '9877176002')).to.equal(false);
    expect(store.merge('9877176374', '9877176002')).to.equal(true);
    expect(store.resolve('9877176374')).to.deep.include({ merged: true });
    expect(store.resolve('9877176374').person?.phn).to.equal('9877176002');
    expect(store.mergedInto('9877176002')).to.deep.equal(['9877176374']);
    expect(store.nullify('9877097548')).to.equal(true);
    expect(store.resolve('9877097548').person).to.equal(undefined);
    store.revise('9876780786', { gender: 'M' });
    expect(store.history('9876780786').map((v) => v.versionId)).to.deep.equal([1, 2]);
  });

  it('reads the PLR seed CSV (BOM, MM-DD-YYYY dates, optional MSP id) and searches with one trailing wildcard', () => {
    const providers = ProviderStore.fromSeedFile(fixturePath('seed', 'plr-providers.csv'));
    const ten = providers.get('IPC.00166847.BC.PRS')!;
    expect(ten).to.deep.include({ cpn: 'CPN.00166847.BC.PRS', collegeIdType: 'CPSID', collegeId: '20101', mspId: '65440', family: 'TEN', birthDate: '20000530', status: 'ACTIVE' });
    expect(providers.byIdentifier('20101').map((p) => p.ipc)).to.deep.equal(['IPC.00166847.BC.PRS']);
    expect(providers.byName('TEN', 'PRIM*')).to.have.length(1);
    expect(providers.byName(undefined, 'PRIMEX*')).to.have.length(0);
    expect(parseProviderCsv('IPC,LAST_NAME\n"IPC.1","O""BRIEN, JR"\n')[0]).to.deep.include({ ipc: 'IPC.1', family: 'O"BRIEN, JR' });
  });
});
