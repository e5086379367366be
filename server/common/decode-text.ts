import iconv from 'iconv-lite';

/** Text as the council wrote it: UTF-8 (with or without BOM), else Windows-1252, with CRLF made LF. */
export function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Node's own TextDecoder reads windows-1252 as Latin-1, garbling curly quotes and dashes.
    text = iconv.decode(bytes, 'windows-1252');
  }
  return text.replace(/\r\n?/g, '\n');
}
