import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language';
import type { DetectedLang } from './languages';

const SAMPLES: Record<DetectedLang, string[]> = {
  pl: [
    'Kurier się spóźnił, a paczka była uszkodzona.',
    'Bardzo szybka dostawa, polecam!',
    'Obsługa klienta nie odpowiada na maile od tygodnia.',
    'Wszystko w porządku, ale cena mogłaby być niższa.',
    'Zamówienie przyszło kompletne i dobrze zapakowane.',
    'Czekałem na zwrot pieniędzy ponad miesiąc.',
    'Miła pani przy kasie, wrócę tu na pewno.',
    'Paczka nie dotarla na czas, kurier nie odbieral telefonu',
    'Aplikacja często się zawiesza przy płatności.',
    'Dziękuję za pomoc, problem rozwiązany od ręki.',
    'Jakość produktów jest świetna.',
    'Za długo trzeba czekać na infolinii.',
  ],
  cs: [
    'Kurýr přišel pozdě a balík byl poškozený.',
    'Velmi rychlé doručení, doporučuji!',
    'Zákaznická podpora neodpovídá na e-maily už týden.',
    'Všechno v pořádku, jen cena by mohla být nižší.',
    'Objednávka dorazila kompletní a dobře zabalená.',
    'Na vrácení peněz jsem čekal přes měsíc.',
    'Příjemná paní u pokladny, určitě se vrátím.',
    'Objednavka prisla pozde a kuryr byl neprijemny',
    'Aplikace často zamrzne při platbě.',
    'Děkuji za pomoc, problém byl vyřešen hned.',
    'Kvalita zboží je skvělá.',
    'Na infolince se čeká příliš dlouho.',
  ],
  ru: [
    'Курьер опоздал на два часа, посылка была повреждена.',
    'Очень быстрая доставка, рекомендую!',
    'Служба поддержки не отвечает на письма уже неделю.',
    'Всё хорошо, но цена могла бы быть ниже.',
    'Заказ пришёл полностью и хорошо упакован.',
    'Ждал возврата денег больше месяца.',
    'Приятная кассирша, обязательно вернусь.',
    'Приложение часто зависает при оплате.',
    'Спасибо за помощь, проблему решили сразу.',
    'Качество товаров отличное.',
  ],
  en: [
    'The courier was two hours late and the parcel was damaged.',
    'Very fast delivery, I recommend it!',
    'Customer support has not answered my emails for a week.',
    'Everything was fine, but the price could be lower.',
    'The order arrived complete and well packed.',
    'I waited more than a month for my refund.',
    'Friendly staff at the checkout, will come back.',
    'The app keeps freezing at payment.',
    'Thanks for the help, problem solved right away.',
    'Great quality products.',
    "Don't bother, it's a waste of money.",
  ],
  und: [
    'Das Paket kam zu spät und der Kurier war unfreundlich.',
    'Le livreur était en retard et très impoli.',
    'El pedido llegó tarde y en mal estado.',
    "Кур'єр запізнився на дві години і не відповідав на дзвінки.",
    'Кур’ер спазніўся на дзве гадзіны.',
    'Kuriér prišiel neskoro a balík bol poškodený, ľutujem.',
    '👍👍👍',
    '12345 !!!',
    '',
    'ok',
  ],
};

describe('detectLanguage', () => {
  for (const [lang, sentences] of Object.entries(SAMPLES)) {
    it(`recognises ${lang} sample sentences`, () => {
      const detected = sentences.map((s) => [s, detectLanguage(s)]);
      expect(detected).toEqual(sentences.map((s) => [s, lang]));
    });
  }

  it('uses the respondent locale to settle short or ambiguous answers', () => {
    expect(detectLanguage('Dobra cena')).toBe('pl');
    expect(detectLanguage('Polecam')).toBe('pl');
    expect(detectLanguage('Super')).toBe('und');
    expect(detectLanguage('Super', { hint: 'cs-CZ' })).toBe('und');
    expect(detectLanguage('Super rychle', { hint: 'cs-CZ' })).toBe('cs');
    expect(detectLanguage('je to', { hint: 'pl' })).toBe('pl');
    expect(detectLanguage('je to', { hint: 'cs' })).toBe('cs');
  });

  it('does not let a hint override clear evidence', () => {
    expect(detectLanguage('The courier was late', { hint: 'pl-PL' })).toBe('en');
    expect(detectLanguage('Курьер опоздал', { hint: 'en' })).toBe('ru');
    expect(detectLanguage('Das Paket kam zu spät', { hint: 'pl' })).toBe('und');
  });
});
