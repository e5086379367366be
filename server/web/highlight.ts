import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../query/search-plan.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

/** Escapes engine output as HTML, then turns only the engine's highlight marks into <mark>. */
export function highlightToHtml(formatted: string): string {
  return escapeHtml(formatted).replaceAll(HIGHLIGHT_PRE, '<mark>').replaceAll(HIGHLIGHT_POST, '</mark>');
}
