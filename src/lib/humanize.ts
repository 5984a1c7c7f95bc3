/** `after_delivery` → "After delivery": a code an organization made up, readable when it has no name. */
export function humanize(code: string): string {
  const words = code
    .replace(/[_.-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words ? words[0].toLocaleUpperCase() + words.slice(1) : code;
}
