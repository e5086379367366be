import * as cheerio from 'cheerio';
import { dayMonthYearDate, NotMinutes, type PublishedMeeting } from './source.js';

/**
 * A ModernGov or CMIS page read as what it is. A decision's page (`mgSubTitleTxt` over `mgLabel`
 * fields and Word-HTML sections such as "Decision:") is one item, dated by its "Date of decision"
 * and placed by the meeting or officer that decided it. A page that only lists decisions or
 * meetings (`mgTabTable`, CMIS's calendar), or a meeting's page that only lists its documents, is
 * `NotMinutes`. Any other page is `undefined`: its text is read as minutes.
 */
export function readModernGovPage(html: string, htmlToLines: (html: string) => string[]): PublishedMeeting | undefined {
  const $ = cheerio.load(html);
  const subtitle = $('.mgSubTitleTxt').first().text().replace(/\s+/g, ' ').trim();
  const labels = new Map<string, string>();
  $('.mgLabel').each((_, element) => {
    const label = $(element);
    const name = label.text().replace(/\s+/g, ' ').replace(/:\s*$/, '').trim().toLowerCase();
    const value = label.parent().is('p') && !label.is('p') ? label.parent().text().slice(label.text().length) : '';
    if (name !== '') labels.set(name, value.replace(/\s+/g, ' ').trim());
  });
  if (subtitle !== '' && (labels.has('date of decision') || labels.has('decision status'))) {
    const content = $('.mgContent').first();
    // The label fields are the page's facts; the sections under them are the item's text.
    content.find('p:has(.mgLabel), p.mgLabel, .mgBulletList, .mgLinks').remove();
    const decidedAt = /^\d{1,2}\/\d{1,2}\/\d{4}\s*-\s*(.+)$/.exec(labels.get('decided at meeting') ?? '')?.[1];
    return {
      format: 'ModernGov decision page',
      meetingDate: dayMonthYearDate(labels.get('date of decision') ?? ''),
      committee: decidedAt ?? labels.get('decision maker'),
      attendance: { present: [], apologies: [], inAttendance: [] },
      items: [{ title: subtitle, lines: htmlToLines(content.html() ?? '') }],
      notes: [],
    };
  }
  const listRows = $('table.mgTabTable tbody tr').length;
  if (listRows > 0)
    throw new NotMinutes(
      `is a ModernGov list of ${listRows} entries (${$('table.mgTabTable caption').text().trim() || 'a table'}), not minutes`,
    );
  if ($('.MeetingCalendarListView, [id*=MeetingCalendar]').length > 0)
    throw new NotMinutes(`is a CMIS calendar of ${$('tbody tr').length} meetings, not minutes`);
  if ($('.ModCMISMeetingsC, .CmisDocumentList').length > 0 && $('p').length === 0) {
    const committee = $('.Value.Committee').text().trim();
    throw new NotMinutes(
      `is a CMIS meeting page${committee ? ` (${committee})` : ''} listing ${$('.DocumentListItem').length} document(s), with no minutes text`,
    );
  }
  return undefined;
}
