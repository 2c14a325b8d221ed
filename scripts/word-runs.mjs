// Runs of words as the copy check compares them: NFC, lower case, letters and digits only. Shared by
// scripts/article-fingerprints.mjs (which fingerprints the source articles) and the ledger test.

/** @param {string} text @returns {string[]} */
export function words(text) {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
}

/** Every run of `n` consecutive words, joined by single spaces. @param {string[]} ws @param {number} n */
export function nGrams(ws, n) {
  const out = [];
  for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).join(' '));
  return out;
}

/** A run's fingerprint: the first 16 hex digits of its SHA-256 (Web Crypto: Node and browsers). @param {string} run */
export async function fingerprint(run) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(run));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
