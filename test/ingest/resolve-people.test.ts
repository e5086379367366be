import assert from 'node:assert/strict';
import { peopleInputOf, unresolvedJson, withPeople } from '../../server/ingest/resolve-people.js';
import { PEOPLE_INPUT_ATTRIBUTES } from '../../server/index/people.js';
import { toSearchDocuments } from '../../server/index/search-document.js';
import { parseMinutesFile } from '../../server/ingest/read-content.js';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../support/archive.js';

describe('withPeople', () => {
  const file = 'kent-county-council-cabinet-2025-01-30-item-88.md';
  const read = parseMinutesFile(fs.readFileSync(path.join(FIXTURES, 'meetings', file)));
  if (!read.ok) throw new Error(read.reason);
  const [document] = toSearchDocuments(read.item, { path: file, contentHash: read.contentHash });

  it('completes a document sent without its people into the document with them, officers resolved in place', () => {
    const resolved = {
      councillor_names: ['Mr P J Oakford'],
      members_present: ['Mr R W Gough'],
      members_absent: [],
      member_acts: ['Mr P J Oakford|moved'],
      member_roles: [],
      member_variants: ['Mr P J Oakford|Mr Oakford'],
      officer_names: ['Jonathan Betts'],
      officer_variants: ['Jonathan Betts|Mr J Betts'],
      people_rules: 'stamp',
    };
    const json = unresolvedJson({ ...document!, people_rules: 'older' });
    assert.ok(!('officer_names' in JSON.parse(json)) && !('people_rules' in JSON.parse(json)));
    assert.deepEqual(JSON.parse(withPeople(json, resolved)), { ...document!, ...resolved });
  });

  it('keeps what resolution reads, and nothing else', () => {
    const input = peopleInputOf(document!);
    const given = PEOPLE_INPUT_ATTRIBUTES.filter((attribute) => document![attribute] !== undefined);
    assert.deepEqual(Object.keys(input), given);
    for (const attribute of given) assert.equal(input[attribute], document![attribute]);
    assert.ok(!('body' in input) && !('paragraphs' in input));
  });
});
