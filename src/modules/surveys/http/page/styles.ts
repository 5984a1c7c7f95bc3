/**
 * The respondent page's stylesheet, served from a static path. Mobile first; colours meet
 * WCAG 2.1 AA: body text #1a1a1a and links/buttons #0b4f8a on white (over 8:1), errors #a4001d.
 */
export const SURVEY_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f5f7}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
@media (min-width:40rem){main{margin:2rem auto;min-height:0;border-radius:.5rem;padding:2rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
a{color:#0b4f8a}
.intro,.hint,.legend-note{color:#3d3d3d}
.q{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
.q[hidden]{display:none}
legend,.q>label{display:block;font-weight:600;margin-bottom:.5rem;padding:0}
.req{color:#a4001d}
.hint{display:flex;justify-content:space-between;gap:1rem;font-size:.9375rem;margin:.25rem 0 .5rem}
.options{display:flex;flex-wrap:wrap;gap:.375rem}
.options label{display:inline-flex;align-items:center;gap:.375rem;min-width:2.75rem;min-height:2.75rem;padding:.375rem .625rem;border:1px solid #595959;border-radius:.375rem;cursor:pointer;background:#fff}
.options.list{flex-direction:column}
.options.list label{justify-content:flex-start}
.options label:focus-within{outline:3px solid #0b4f8a;outline-offset:2px}
.options input{margin:0;accent-color:#0b4f8a}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #595959;border-radius:.375rem}
textarea:focus,button:focus-visible,a:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.error{color:#a4001d;font-weight:600;margin:.25rem 0 0}
.summary{border:2px solid #a4001d;border-radius:.375rem;padding:.75rem 1rem;margin-bottom:1.5rem}
.notice{border:2px solid #0b4f8a;border-radius:.375rem;padding:.75rem 1rem;margin-bottom:1.5rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1.25rem;border-radius:.375rem;border:2px solid #0b4f8a;cursor:pointer}
button.primary{background:#0b4f8a;color:#fff}
button.secondary{background:#fff;color:#0b4f8a}
.contact-details{display:none;margin-top:.75rem}
.contact:has(input[value=yes]:checked) .contact-details{display:grid;gap:.25rem}
.contact-details input{font:inherit;padding:.5rem;border:1px solid #595959;border-radius:.375rem;margin-bottom:.5rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.langs{display:flex;gap:.75rem;justify-content:flex-end;font-size:.9375rem;margin-bottom:1rem}
.langs [aria-current]{font-weight:700;color:#1a1a1a;text-decoration:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
