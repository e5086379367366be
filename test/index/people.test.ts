import assert from 'node:assert/strict';
import {
  buildDirectory,
  councilPeople,
  resolveName,
  resolvePeople,
  VariantCollector,
  type PeopleInput,
} from '../../server/index/people.js';
import { parsePeopleRules, NO_PEOPLE_RULES } from '../../server/index/people-rules.js';

/** The people a council's lists and mentions make: each person's name and the variants merged into it. */
function peopleOf(listed: string[][], mentioned: string[] = [], rules = NO_PEOPLE_RULES.forCouncil('', 'members')) {
  const collector = new VariantCollector('Limerick City and County Council');
  for (const meeting of listed) collector.together(meeting.map((name) => collector.add(name, true)));
  for (const name of mentioned) collector.add(name, false);
  const directory = buildDirectory(collector, rules);
  return Object.fromEntries(directory.persons.map((person) => [person.name, [...person.variants].sort()]));
}

describe('buildDirectory', () => {
  it('merges the ways of writing one person when nothing contradicts it', () => {
    assert.deepEqual(peopleOf([['Councillor Helen Marsh'], ['Cllr H Marsh (Chairman)']], ['Councillor Marsh']), {
      'Helen Marsh': ['Cllr H Marsh', 'Councillor Helen Marsh', 'Councillor Marsh'],
    });
  });

  it('keeps two members sharing a surname apart, and gives a name that could be either to neither', () => {
    assert.deepEqual(peopleOf([['Mick Peake', 'Mandy Peake'], ['Cllr M Peake']], ['Councillor Peake']), {
      'Mandy Peake': ['Mandy Peake'],
      'Mick Peake': ['Mick Peake'],
    });
  });

  it('never merges two names one meeting lists together', () => {
    assert.deepEqual(peopleOf([['Councillor L. Galvin', 'Galvin']]), { 'L Galvin': ['Councillor L. Galvin'], Galvin: ['Galvin'] });
  });

  it('keeps honorifics of different genders apart', () => {
    assert.deepEqual(Object.keys(peopleOf([['Mr P Cole'], ['Mrs P T Cole']])).sort(), ['Mr P Cole', 'Mrs P T Cole']);
  });

  it('merges nothing through a name that fits two people who cannot be one', () => {
    // J A and J B Smith are two people; "John Smith" could be either, so he is merged with neither.
    const people = peopleOf([['Mr J A Smith'], ['Mr J B Smith'], ['John Smith'], ['J Smith']]);
    assert.deepEqual(Object.keys(people).sort(), ['John Smith', 'Mr J A Smith', 'Mr J B Smith']);
  });

  it('makes nobody of a surname alone in the text, without a list, a given name or an initial', () => {
    assert.deepEqual(peopleOf([], ['Councillor Allowance', 'Councillor Andy']), {});
    assert.deepEqual(peopleOf([['Limerick'], ['Secas']]), { Secas: ['Secas'] });
  });

  it('applies the operator’s rules: same merges, apart splits', () => {
    const rules = parsePeopleRules(
      ['same: Test Council | Cllr M Peake | Mick Peake', 'apart: Test Council | Councillor Helen Marsh | Cllr H Marsh'].join('\n'),
    );
    const people = peopleOf(
      [['Mick Peake', 'Mandy Peake'], ['Cllr M Peake'], ['Councillor Helen Marsh'], ['Cllr H Marsh']],
      [],
      rules.forCouncil('Test Council', 'members'),
    );
    assert.deepEqual(people['Mick Peake'], ['Cllr M Peake', 'Mick Peake']);
    assert.ok(people['Helen Marsh'] && people['H Marsh']);
  });
});

describe('resolveName', () => {
  it('reads a surname alone within its meeting, when the meeting lists one person it can be', () => {
    const collector = new VariantCollector();
    collector.together(['Sheahan (M)', 'Sheahan (J)', 'Teskey'].map((name) => collector.add(name, true)));
    collector.together(['Sheahan (M)', 'Teskey'].map((name) => collector.add(name, true)));
    const directory = buildDirectory(collector);
    const both = ['M Sheahan', 'J Sheahan'].map((name) => directory.persons.find((person) => person.name === name)!);
    assert.equal(resolveName(directory, 'Councillor Sheahan', false, both), undefined);
    assert.equal(resolveName(directory, 'Councillor Sheahan', false, [both[0]!])?.name, 'M Sheahan');
    assert.equal(resolveName(directory, 'Councillor Teskey', false)?.name, 'Teskey');
  });
});

describe('resolvePeople', () => {
  const item = (fields: Partial<PeopleInput>): PeopleInput => ({
    id: 'a',
    item_id: 'a',
    council: 'Kent County Council',
    meeting_id: 'm1',
    visibility: 'public',
    councillors: [],
    officers: [],
    people_mentions: [],
    ...fields,
  });

  it('writes who was present, what they did and the roles they were given, as one name each', () => {
    const documents = [
      item({
        present: ['Mr R W Gough (Chairman)', 'Mr P J Oakford'],
        people_mentions: [
          { act: 'moved', name: 'Mr Oakford' },
          { act: 'named', name: 'Mr Oakford', role: 'Deputy Leader' },
        ],
        officers: [{ name: 'Mr D Shipton', role: 'Head of Finance' }],
      }),
      item({ id: 'b', item_id: 'b', meeting_id: 'm2', present: ['Roger Gough'], officers: [{ name: 'Dave Shipton' }] }),
    ];
    const people = councilPeople(documents, NO_PEOPLE_RULES).get('Kent County Council');
    const resolved = resolvePeople(documents[0]!, people, 'stamp');
    assert.deepEqual(resolved.members_present, ['Roger W Gough', 'Mr P J Oakford']);
    assert.deepEqual(resolved.councillor_names, ['Mr P J Oakford']);
    assert.deepEqual(resolved.member_acts, ['Mr P J Oakford|moved']);
    assert.deepEqual(resolved.member_roles.sort(), ['Mr P J Oakford|Deputy Leader', 'Roger W Gough|Chairman']);
    assert.deepEqual(resolved.officer_names, ['Dave Shipton']);
    assert.deepEqual(resolved.officer_variants, ['Dave Shipton|Mr D Shipton']);
    assert.ok(resolved.member_variants.includes('Roger W Gough|Mr R W Gough'));
  });

  it('does not count the item holding the meeting’s list of those present as naming them all', () => {
    const present = ['Mr R W Gough', 'Mr P J Oakford', 'Mrs C Bell', 'Mr D Murphy'];
    const opening = item({
      present,
      people_mentions: present.map((name) => ({ act: 'named' as const, name })),
    });
    const debate = item({
      id: 'b',
      item_id: 'b',
      present,
      people_mentions: [
        { act: 'named', name: 'Mr Gough' },
        { act: 'moved', name: 'Mr Oakford' },
      ],
    });
    const people = councilPeople([opening, debate], NO_PEOPLE_RULES).get('Kent County Council');
    assert.deepEqual(resolvePeople(opening, people, 'stamp').councillor_names, []);
    assert.deepEqual(resolvePeople(debate, people, 'stamp').councillor_names, ['Mr R W Gough', 'Mr P J Oakford']);
  });
});
