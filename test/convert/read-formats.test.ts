import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSource, sourceText } from '../../server/convert/read-source.js';
import { NotMinutes, type PublishedMeeting } from '../../server/convert/source.js';
import { readModernGovXml } from '../../server/convert/read-moderngov-xml.js';
import { htmlToLines } from '../../server/convert/read-source.js';
import { fixture } from './support.js';

const FORMATS = path.join(import.meta.dirname, '..', 'fixtures', 'convert', 'formats');
const at = (name: string) => path.join(FORMATS, name);

async function meetingOf(name: string): Promise<PublishedMeeting> {
  const source = await readSource(at(name));
  assert.equal(source.kind, 'meeting');
  return (source as { meeting: PublishedMeeting }).meeting;
}

describe('readSource, in the formats councils publish', () => {
  it('reads a Word document through its headings, with no binary text', async () => {
    const text = sourceText(await readSource(at('newbiggin-pc-2019-09-03.docx')));
    assert.match(text, /^## 19\.09\.03 Minutes$/m);
    assert.match(text, /^\*\*19\.09\.01 Apologies\*\*$/m);
    // eslint-disable-next-line no-control-regex -- finding binary bytes is the point
    assert.doesNotMatch(text, /[\u0000-\u0008\uFFFD]/);
  });

  it('lays out a PDF line by line from its text positions, page numbers on lines of their own', async () => {
    const text = sourceText(await readSource(at('milburn-pc-2019-11-12.pdf')));
    const lines = text.split('\n');
    assert.ok(
      lines.some((line) => line.startsWith('19.11.03 Minutes')),
      text.slice(0, 500),
    );
    assert.ok(lines.includes('\f'), 'pages are separated');
  });

  it('reads a ModernGov GetMeeting as its agenda items, date, time, place and committee', async () => {
    const meeting = await meetingOf('manchester-audit-committee-getmeeting-2026-02-10.xml');
    assert.equal(meeting.meetingDate, '2026-02-10');
    assert.equal(meeting.startTime, '10:00');
    assert.equal(meeting.committee, 'Audit Committee');
    assert.equal(meeting.place, 'Council Antechamber, Level 2, Town Hall Extension');
    assert.deepEqual(
      meeting.items.map(({ number, title, restricted }) => ({ number, title, restricted })),
      [
        { number: '1', title: 'Minutes', restricted: undefined },
        { number: '9', title: 'Work Programme', restricted: undefined },
      ],
    );
    // The minutes, not the agenda's text.
    assert.deepEqual(meeting.items[0]!.lines, ['To approve the minutes of the meeting held on 25 November 2025 as a correct record.']);
    // "Expected" is no record of attendance.
    assert.deepEqual(meeting.attendance, { present: [], apologies: [], inAttendance: [] });
    assert.match(meeting.notes.join(' '), /1 attendee\(s\) with no attendance recorded/);
  });

  it('keeps private an item the web service marks restricted, or does not mark at all', () => {
    const xml = fixture('formats/manchester-audit-committee-getmeeting-2026-02-10.xml');
    const restricted = readModernGovXml(
      xml.replace('<isrestricted>False</isrestricted>', '<isrestricted>True</isrestricted>'),
      htmlToLines,
    );
    assert.deepEqual(
      restricted.items.map((item) => item.restricted),
      [true, undefined],
    );
    const unmarked = readModernGovXml(
      xml.replace(/<isrestricted>False<\/isrestricted>\s*<isdisplayallowed>/, '<isdisplayallowed>'),
      htmlToLines,
    );
    assert.equal(unmarked.items[0]!.restricted, true);
  });

  it('reads attendance as recorded, with roles', () => {
    const xml = fixture('formats/manchester-audit-committee-getmeeting-2026-02-10.xml').replace(
      'attendance="Expected"',
      'attendance="Present"',
    );
    assert.deepEqual(readModernGovXml(xml, htmlToLines).attendance.present, ['Councillor Basil Curley (Committee Member)']);
  });

  it('reads a ModernGov decision page as one item, dated by its decision and placed by its meeting', async () => {
    const meeting = await meetingOf('reading-policy-committee-decision-2015-10-19.html');
    assert.equal(meeting.meetingDate, '2015-10-19');
    assert.equal(meeting.committee, 'Policy Committee');
    assert.equal(meeting.items.length, 1);
    assert.equal(meeting.items[0]!.title, 'Minutes of Previous Meeting');
    assert.ok(meeting.items[0]!.lines.includes('## Decision:'));
    assert.ok(!meeting.items[0]!.lines.some((line) => /Publication date|Is Key decision/.test(line)), 'label fields are facts, not text');
  });

  const refused: [string, RegExp][] = [
    ['manchester-audit-committee-getmeeting-cancelled-2026-01-13.xml', /is a cancelled meeting \(13\/01\/2026\) with no items/],
    ['manchester-getcommittees.xml', /is a list of committees \(ModernGov GetCommittees\), not minutes/],
    ['leeds-getcouncillorsbyward-error-page.xml', /is an HTML page \("Error"\), not the XML its name says/],
    [
      'birmingham-cmis-licensing-sub-a-2026-08-03.html',
      /is a CMIS meeting page \(Licensing Sub-Committee A\) listing 1 document\(s\), with no minutes text/,
    ],
  ];
  for (const [name, why] of refused)
    it(`refuses ${name}, saying what it is`, async () => {
      await assert.rejects(readSource(at(name)), (error: Error) => error instanceof NotMinutes && why.test(error.message));
    });

  it('refuses a file that is not what its name says', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'read-formats-'));
    try {
      const cases: [string, Buffer, RegExp][] = [
        [
          'binary.txt',
          Buffer.from([0x4f, 0x60, 0xc4, 0xce, 0x42, 0x00, 0x01, 0x02, 0x03]),
          /holds binary data, not the text its name \(\.txt\) says/,
        ],
        ['word.txt', await fs.readFile(at('newbiggin-pc-2019-09-03.docx')), /is a ZIP archive \(such as a Word \.docx\), not the text/],
        ['page.pdf', Buffer.from('<html><body>Not found</body></html>'), /is not a PDF, though its name says \.pdf/],
      ];
      for (const [name, bytes, why] of cases) {
        await fs.writeFile(path.join(dir, name), bytes);
        await assert.rejects(
          readSource(path.join(dir, name)),
          (error: Error) => error instanceof NotMinutes && why.test(error.message),
          name,
        );
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
