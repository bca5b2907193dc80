/** A person's generated avatar: their initials on a colour picked from their erecno, as a small SVG. */
import { createHash } from 'node:crypto';

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Up to two initials: the first letters of the first and last words of the name, upper-cased; `?` when none. */
export function initialsOf(displayName: string): string {
  const words = displayName
    .split(/\s+/)
    .map((word) => [...word].find((character) => /[\p{L}\p{N}]/u.test(character)))
    .filter((initial): initial is string => initial !== undefined);
  if (words.length === 0) return '?';
  const picked = words.length === 1 ? [words[0]!] : [words[0]!, words.at(-1)!];
  return picked.join('').toLocaleUpperCase();
}

/** A hue from the erecno, so a person keeps their colour and neighbours differ. */
export function hueOf(erecno: string): number {
  return createHash('sha256').update(erecno).digest().readUInt16BE(0) % 360;
}

/** The avatar: a 128x128 SVG, no scripts, every text escaped. */
export function renderAvatar(erecno: string, displayName: string): string {
  const initials = initialsOf(displayName).replace(/[&<>"']/g, (character) => xmlEscapes[character]!);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">',
    `<rect width="128" height="128" fill="hsl(${hueOf(erecno)}, 55%, 45%)"/>`,
    '<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="52" fill="#fff">',
    `${initials}</text></svg>`,
  ].join('');
}
