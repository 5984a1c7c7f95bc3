/** One part of a multipart/form-data body: its field name, file name (for a file) and bytes. */
export type FormPart = { name: string; filename?: string; data: Buffer };

/**
 * Reads a multipart/form-data body (RFC 7578), as a phone's browser sends a form with photos.
 * Undefined when it is not well-formed: no boundary, a part without a name, or no closing boundary.
 */
export function readMultipart(body: Buffer, contentType: string): FormPart[] | undefined {
  const m = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return undefined;
    // The part: CRLF, headers, CRLF CRLF, data, CRLF before the next delimiter.
    const chunk = body.subarray(start + 2, next - 2);
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const headers = chunk.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1];
    const name = disposition && /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (!name) return undefined;
    const filename = disposition ? /\bfilename="([^"]*)"/i.exec(disposition)?.[1] : undefined;
    parts.push({ name, filename, data: chunk.subarray(split + 4) });
    at = next;
    if (parts.length > 1000) return undefined;
  }
}
