/** The style of the one-question pages reached from an e-mail; inline, as the page loads nothing else. */
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;text-align:center}' +
  'button{font-size:1.1rem;margin:.5rem;padding:.7rem 1.2rem;border-radius:.4rem;border:1px solid #888;cursor:pointer}';

/**
 * A page reached from a link in an e-mail (a yes/no answer, an unsubscribe, a form on a phone): no
 * script, so it works in any mail client's browser. `title` and `body` are HTML, escaped by the
 * caller; a page with a longer form brings its own `style`.
 */
export const plainPage = (locale: string, title: string, body: string, style = STYLE) => `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
