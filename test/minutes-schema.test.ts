import assert from 'node:assert/strict';
import { parseFrontMatter } from '../server/minutes/front-matter.js';
import { validateMinutesItem } from '../server/minutes/schema.js';

function validate(frontMatter: string) {
  const { data, body } = parseFrontMatter(`---\n${frontMatter}\n---\nText.`);
  return validateMinutesItem(data, body);
}

describe('minutes item schema', () => {
  it('accepts a minimal item and leaves unknown facts absent', () => {
    const result = validate('id: a-1\ncouncil: Medway Council\ntitle: Early help');
    assert.ok(result.ok);
    assert.equal(result.item.meeting_date, undefined);
    assert.equal(result.item.committee, undefined);
    assert.equal(result.item.part, 1);
    assert.deepEqual(result.item.officers, []);
  });

  it('reads an unquoted date as written and rejects an impossible one', () => {
    assert.ok(validate('id: a-1\ncouncil: C\ntitle: T\nmeeting_date: 2019-03-12').ok);
    const result = validate('id: a-1\ncouncil: C\ntitle: T\nmeeting_date: 2019-02-31');
    assert.ok(!result.ok);
    assert.equal(result.issues[0]?.field, 'meeting_date');
  });

  it('names every field at fault', () => {
    const result = validate('id: Not A Slug\ncouncil: C\npart: 3\nofficers:\n  - {}');
    assert.ok(!result.ok);
    assert.deepEqual(result.issues.map((issue) => issue.field).sort(), ['id', 'officers.0', 'part', 'title']);
  });

  it('reads item numbers as text', () => {
    const result = validate('id: a-1\ncouncil: C\ntitle: T\nitem: 6.1');
    assert.ok(result.ok);
    assert.equal(result.item.item, '6.1');
  });
});
