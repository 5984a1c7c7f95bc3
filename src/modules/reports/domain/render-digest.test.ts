import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../lib/day-number';
import { type DigestFigures, renderDigest } from './render-digest';

const FIGURES: DigestFigures = {
  orgName: 'Kawiarnia Kompas',
  frequency: 'weekly',
  period: { startDay: toDayNumber(2026, 11, 23), endDay: toDayNumber(2026, 11, 30) },
  scores: [
    { metric: 'nps', score: 12.5, n: 8, ci95: [-40.25, 65.5] },
    { metric: 'csat', score: null, n: 0, ci95: null },
    { metric: 'ces', score: 5.25, n: 4, ci95: [4.1, 6.4] },
  ],
  detractorTopics: [{ key: 'delivery', name: { en: 'Delivery', pl: 'Dostawa' }, detractors: 3 }],
  casesPastSla: 2,
  stageMoves: [{ from: 'buyer', to: 'regular', count: 5 }],
};

describe('the digest e-mail', () => {
  it('says every figure in Polish, with Polish number forms and plurals', () => {
    const mail = renderDigest('pl', FIGURES, { unsubscribe: 'https://x.example/r/t' });
    expect(mail.subject).toBe('Raport tygodniowy – Kawiarnia Kompas: 23–29 lis 2026');
    expect(mail.text).toContain('- NPS: +13 (od -40 do +66), 8 odpowiedzi');
    expect(mail.text).toContain('- CSAT: brak odpowiedzi');
    expect(mail.text).toContain('- CES: 5,3 (od 4,1 do 6,4), 4 odpowiedzi');
    expect(mail.text).toContain('- Dostawa: 3 krytyków');
    expect(mail.text).toContain('- 2 otwarte sprawy przekroczyły termin SLA.');
    expect(mail.text).toContain('- kupujący → stały: 5 klientów');
    expect(mail.text).toContain('Aby nie otrzymywać tych wiadomości: https://x.example/r/t');
  });

  it('says when there is nothing to report', () => {
    const mail = renderDigest(
      'en',
      { ...FIGURES, detractorTopics: [], casesPastSla: 0, stageMoves: [] },
      { unsubscribe: 'u' },
    );
    expect(mail.text).toContain('No detractor mentioned a topic.');
    expect(mail.text).toContain('No open case is past its SLA deadline.');
    expect(mail.text).toContain('No customer changed stage.');
  });
});
