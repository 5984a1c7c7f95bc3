import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and CRLF-terminated rows, quoting where RFC 4180 asks', () => {
    const rows = [
      { id: 1, comment: 'Fast, friendly', note: 'said "wow"' },
      { id: 2, comment: 'line one\nline two', note: null },
    ];
    expect(toCsv(rows, ['id', 'comment', 'note'])).toBe(
      'id,comment,note\r\n1,"Fast, friendly","said ""wow"""\r\n2,"line one\nline two",\r\n',
    );
  });

  it('neutralises formula triggers in text cells (OWASP CSV injection)', () => {
    const payloads = ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=x', '\r=x', '\n=x', '\0=x'];
    const csv = toCsv(
      payloads.map((p) => ({ p })),
      ['p'],
    );
    const cells = csv.split('\r\n').slice(1, -1);
    // Every payload gains a leading quote; those holding CR/LF are also wrapped in double quotes.
    expect(cells).toEqual(["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\t=x", `"'\r=x"`, `"'\n=x"`, "'\0=x"]);
  });

  it('leaves numbers, dates and harmless text alone', () => {
    const csv = toCsv(
      [{ delta: -5, at: new Date('2024-01-02T03:04:05Z'), ok: true, text: 'a=b', big: 10n, nan: Number.NaN }],
      ['delta', 'at', 'ok', 'text', 'big', 'nan'],
    );
    expect(csv.split('\r\n')[1]).toBe('-5,2024-01-02T03:04:05.000Z,true,a=b,10,');
  });

  it('neutralises headers and JSON-rendered objects too, and accepts computed columns', () => {
    const csv = toCsv(
      [{ tags: ['=x'], name: 'Ann' }],
      [
        { header: '=HYPERLINK("x")', value: (r) => r.name },
        { header: 'tags', value: (r) => r.tags },
      ],
    );
    expect(csv).toBe(`"'=HYPERLINK(""x"")",tags\r\nAnn,"[""=x""]"\r\n`);
    expect(toCsv([{ v: { a: '=1' } }], ['v'])).toContain('"{""a"":""=1""}"');
  });

  it('supports a semicolon delimiter and a BOM for spreadsheets', () => {
    const csv = toCsv([{ a: '1,5', b: 'x;y' }], ['a', 'b'], { delimiter: ';', bom: true });
    expect(csv).toBe('\uFEFFa;b\r\n1,5;"x;y"\r\n');
  });

  it('neutralizeFormula leaves empty and ordinary text unchanged', () => {
    expect(neutralizeFormula('')).toBe('');
    expect(neutralizeFormula('hello')).toBe('hello');
    expect(neutralizeFormula(' =1')).toBe(' =1');
  });
});
