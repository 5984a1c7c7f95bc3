/**
 * The embeddable survey widget. On a customer's site:
 * <script src="https://host/widget.js" data-survey="PUBLICID" data-customer="EXTID" data-signature="HMAC" async></script>
 * It asks the server whether to show a question (a signed-in customer only within the contact
 * cap), shows one NPS, CSAT or CES scale in a corner, and posts the answer. No framework.
 */
type Config = {
  show: true;
  surveyPublicId: string;
  locale: string;
  question: { id: string; type: string; text: string; min: number; max: number; low: string; high: string };
  comment: { id: string; text: string } | null;
  /** Asked instead of the comment when the score is from min to max. */
  followUps?: { id: string; text: string; min: number; max: number }[];
  strings: { close: string; send: string; thanks: string };
  nonce: string;
};

const QUIET_DAYS = 30;
const WIDGET_CSS = `:host{all:initial}
.box{position:fixed;right:16px;bottom:16px;z-index:2147483000;max-width:min(26rem,calc(100vw - 32px));background:#fff;color:#1a1a1a;border:1px solid #595959;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.25);padding:16px;font:16px/1.45 system-ui,sans-serif}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:600;padding:0 28px 8px 0}
.scale{display:flex;flex-wrap:wrap;gap:4px}
.scale label{display:inline-flex;align-items:center;justify-content:center;min-width:36px;min-height:36px;border:1px solid #595959;border-radius:6px;cursor:pointer}
.scale input{position:absolute;opacity:0;width:1px;height:1px}
.scale input:checked+span{font-weight:700;color:#fff}
.scale label:has(input:checked){background:#0b4f8a;border-color:#0b4f8a}
.scale label:focus-within{outline:3px solid #0b4f8a;outline-offset:2px}
.ends{display:flex;justify-content:space-between;font-size:13px;color:#3d3d3d;margin-top:4px}
[hidden]{display:none!important}
textarea{display:block;width:100%;box-sizing:border-box;margin-top:4px;font:inherit;min-height:3.5em;border:1px solid #595959;border-radius:6px;padding:6px}
label.c{display:block;margin-top:12px;font-size:14px}
button{font:inherit;font-weight:600;cursor:pointer;border-radius:6px}
.send{margin-top:12px;background:#0b4f8a;color:#fff;border:2px solid #0b4f8a;padding:6px 16px;min-height:40px}
.x{position:absolute;top:8px;right:8px;background:none;border:0;font-size:22px;line-height:1;width:32px;height:32px;color:#1a1a1a}
button:focus-visible,textarea:focus{outline:3px solid #0b4f8a;outline-offset:2px}`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  text?: string,
) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function quietUntil(key: string, days: number) {
  try {
    localStorage.setItem(key, String(Date.now() + days * 86_400_000));
  } catch {
    // storage may be blocked: the server's contact cap still applies
  }
}

function render(cfg: Config, base: string, post: Record<string, string | undefined>, storeKey: string) {
  const host = el('div', { 'data-orientir-widget': '' });
  const root = host.attachShadow({ mode: 'open' });
  root.append(el('style', {}, WIDGET_CSS));
  const box = el('section', { class: 'box', lang: cfg.locale, 'aria-labelledby': 'q' });
  const close = el('button', { class: 'x', type: 'button', 'aria-label': cfg.strings.close }, '×');
  const form = el('form');
  const set = el('fieldset');
  set.append(el('legend', { id: 'q' }, cfg.question.text));
  const scale = el('div', { class: 'scale' });
  for (let n = cfg.question.min; n <= cfg.question.max; n++) {
    const label = el('label');
    label.append(
      el('input', { type: 'radio', name: 'score', value: String(n), required: '' }),
      el('span', {}, String(n)),
    );
    scale.append(label);
  }
  const ends = el('div', { class: 'ends', 'aria-hidden': 'true' });
  ends.append(el('span', {}, cfg.question.low), el('span', {}, cfg.question.high));
  set.append(scale, ends);
  form.append(set);
  const comment = el('textarea', { id: 'c', maxlength: '2000' });
  const commentLabel = el('label', { class: 'c', for: 'c' });
  form.append(commentLabel, comment);
  // The question under the scale: the follow-up of the score's band, else the comment, else none.
  const askedFor = (score: number | undefined) =>
    cfg.followUps?.find((f) => score !== undefined && score >= f.min && score <= f.max) ?? cfg.comment;
  let asked = askedFor(undefined);
  const showAsked = (score: number | undefined) => {
    asked = askedFor(score);
    commentLabel.textContent = asked?.text ?? '';
    commentLabel.hidden = !asked;
    comment.hidden = !asked;
  };
  showAsked(undefined);
  scale.addEventListener('change', (e) => showAsked(Number((e.target as HTMLInputElement).value)));
  form.append(el('button', { class: 'send', type: 'submit' }, cfg.strings.send));
  box.append(close, form);
  root.append(box);
  document.body.append(host);

  const dismiss = () => {
    quietUntil(storeKey, QUIET_DAYS);
    host.remove();
  };
  close.addEventListener('click', dismiss);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') dismiss();
  });
  let sending = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[name=score]:checked');
    if (!picked || sending) return;
    sending = true;
    const answers: Record<string, unknown> = { [cfg.question.id]: Number(picked.value) };
    if (asked && comment.value.trim()) answers[asked.id] = comment.value.trim();
    fetch(`${base}/api/v1/public/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        surveyPublicId: cfg.surveyPublicId,
        answers,
        locale: cfg.locale,
        nonce: cfg.nonce,
        channel: 'widget',
        ...post,
      }),
    })
      .then((res) => {
        if (!res.ok) throw new Error(String(res.status));
        quietUntil(storeKey, QUIET_DAYS);
        const done = el('p', { role: 'status', tabindex: '-1' }, cfg.strings.thanks);
        form.replaceWith(done);
        done.focus();
      })
      .catch(() => {
        sending = false;
      });
  });
}

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const publicId = script?.dataset.survey;
  if (!script || !publicId) return;
  const storeKey = `orientir:${publicId}`;
  try {
    if (Number(localStorage.getItem(storeKey)) > Date.now()) return;
  } catch {
    // no storage: ask the server
  }
  const base = new URL(script.src).origin;
  const { customer, signature, touchpoint } = script.dataset;
  // data-location: the code of the store or branch the page belongs to.
  const locationCode = script.dataset.location;
  const query = new URLSearchParams();
  if (customer) query.set('customer', customer);
  if (signature) query.set('signature', signature);
  if (touchpoint) query.set('touchpoint', touchpoint);
  query.set('lang', script.dataset.lang || document.documentElement.lang || navigator.language || '');
  fetch(`${base}/api/v1/public/widget/${encodeURIComponent(publicId)}?${query}`)
    .then((res) => (res.ok ? res.json() : null))
    .then((cfg: Config | { show: false } | null) => {
      if (!cfg?.show) return;
      const post = Object.fromEntries(
        Object.entries({ customer, signature, touchpoint, locationCode }).filter(([, v]) => v),
      );
      const start = () => render(cfg, base, post, storeKey);
      if (document.body) start();
      else document.addEventListener('DOMContentLoaded', start);
    })
    .catch(() => undefined);
})();
