/** A meeting whose one member declares an interest under Declarations and again on the item. */
export const MINUTES = [
  'MINUTES of a meeting of the Cabinet held on 1 May 2024.',
  'Officers: Jane Brown (Director of Finance)',
  '1.',
  'Declarations of Interest',
  'Councillor Smith declared an interest in item 2.',
  '2.',
  'Land at Station Road',
  'Councillor Smith declared an interest and left the room.',
  'RESOLVED that the land be sold.',
  '',
].join('\n');
