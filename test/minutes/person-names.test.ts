import assert from 'node:assert/strict';
import { compatibleNames, displayName, parsePersonName, sameGivenName } from '../../server/minutes/person-names.js';

const read = (text: string) => {
  const name = parsePersonName(text);
  return name && { shown: displayName(name), written: name.written, ...(name.role ? { role: name.role } : {}) };
};

describe('parsePersonName', () => {
  it('reads names as attendance lists write them, with the role beside them', () => {
    assert.deepEqual(read('Mr R W Gough (Chairman)'), { shown: 'Mr R W Gough', written: 'Mr R W Gough', role: 'Chairman' });
    assert.deepEqual(read('Cllr. R. Crisp – Chair (RC)'), { shown: 'R Crisp', written: 'Cllr. R. Crisp', role: 'Chair' });
    assert.deepEqual(read('Sheahan (M)'), { shown: 'M Sheahan', written: 'M Sheahan' });
    assert.deepEqual(read('Councillor M Donegan, An Cathaoirleach'), {
      shown: 'M Donegan',
      written: 'Councillor M Donegan',
      role: 'An Cathaoirleach',
    });
    assert.deepEqual(read('Mr R C Love, OBE'), { shown: 'Mr R C Love', written: 'Mr R C Love' });
    assert.deepEqual(read('Mrs N Cooper (Clerk) There were 9 members of the public'), {
      shown: 'Mrs N Cooper',
      written: 'Mrs N Cooper',
      role: 'Clerk',
    });
    assert.deepEqual(read('Mr. Paddy Murfitt. 8 members of the public'), { shown: 'Paddy Murfitt', written: 'Mr. Paddy Murfitt' });
    assert.deepEqual(read('Borough Councillor C Sampson'), {
      shown: 'C Sampson',
      written: 'Borough Councillor C Sampson',
      role: 'Borough Councillor',
    });
    assert.equal(parsePersonName('Mr. PJ O’Grady')?.initials.join(''), 'PJ');
  });

  it('reads a member’s title, and an honorific’s gender, never a given name’s', () => {
    assert.equal(parsePersonName('Councillor Helen Marsh')?.member, true);
    assert.equal(parsePersonName('Councillor Helen Marsh')?.gender, undefined);
    assert.equal(parsePersonName('Mrs T Mann (Vice-Chair)')?.gender, 'f');
  });

  it('ends a name where the minutes run on after it', () => {
    assert.equal(read('Councillor Colin Sampson Distribution')?.shown, 'Colin Sampson');
    assert.equal(read('Councillor M Ryan Cappamore')?.shown, 'M Ryan');
    assert.equal(read('Councillor Galvin Councillors Butler')?.written, 'Councillor Galvin');
    assert.equal(read('Cllr I. Mack - Vice Chairman Cllr S Briston')?.role, 'Vice Chairman');
    assert.equal(parsePersonName('Councillor Liam Galvin Climate', { maxWords: 2 })?.surname, 'Galvin');
  });

  it('names nobody in a phrase, a role alone, a title alone or an abbreviation', () => {
    for (const text of [
      'Councillor Other Business',
      'Councillor Privacy Notice',
      'Councillor Vacancy',
      'An Cathaoirleach',
      'Mayor',
      'Cllr',
      'Mrs',
      'expenditure spreadsheet',
      'four members of the Parish Council',
      'Village Pump',
      'Glazewing Report',
      'ADAPT',
      'Councillor BCKLWN',
    ]) {
      assert.equal(parsePersonName(text), undefined, text);
    }
  });
});

describe('compatibleNames', () => {
  const profile = (text: string) => parsePersonName(text)!;
  it('takes initials, a given name and a short form for one person', () => {
    assert.ok(compatibleNames(profile('Mr R W Gough'), profile('Roger Gough')));
    assert.ok(compatibleNames(profile('Mr D Shipton'), profile('Dave Shipton')));
    assert.ok(compatibleNames(profile('Dave Shipton'), profile('David Shipton')));
    assert.ok(compatibleNames(profile('Councillor Marsh'), profile('Councillor Helen Marsh')));
  });

  it('keeps apart what contradicts: honorifics of two genders, other given names or initials, other surnames', () => {
    assert.ok(!compatibleNames(profile('Mr P Cole'), profile('Mrs P T Cole')));
    assert.ok(!compatibleNames(profile('Mick Peake'), profile('Mandy Peake')));
    assert.ok(!compatibleNames(profile('Mr R W Gough'), profile('Mr R J Gough')));
    assert.ok(!compatibleNames(profile('J Smith'), profile('K Smith')));
    assert.ok(!compatibleNames(profile('Helen Marsh'), profile('Helen Marshall')));
  });

  it('knows short forms both ways, and no more', () => {
    assert.ok(sameGivenName('Bill', 'William'));
    assert.ok(sameGivenName('Steve', 'Stephen'));
    assert.ok(!sameGivenName('John', 'Jonathan'));
  });
});
