import { drainJobs } from './await-job';
import type { DemoStep } from './steps';

/** The organization's topic taxonomy: what its customers' comments are about, in four languages. */
const TOPICS = [
  {
    key: 'staff',
    name: { en: 'Staff', pl: 'Obsługa', cs: 'Personál', ru: 'Персонал' },
    keywords: {
      en: ['staff', 'barista', 'rude', 'friendly', 'helpful'],
      pl: ['obsług*', 'barista', 'niemił*', 'miła', 'pomocn*', 'pomóc'],
      cs: ['personál', 'barista', 'nepříjemn*', 'milý', 'ochotn*'],
      ru: ['персонал', 'бариста', 'груб*', 'вежлив*', 'отзывчив*', 'помочь'],
    },
  },
  {
    key: 'price',
    name: { en: 'Price', pl: 'Cena', cs: 'Cena', ru: 'Цена' },
    keywords: {
      en: ['price*', 'expensive', 'pricey', 'value for money'],
      pl: ['cen*', 'drogo', 'drogie'],
      cs: ['cen*', 'drah*', 'poměr ceny'],
      ru: ['цен*', 'дорог*'],
    },
  },
  {
    key: 'speed',
    name: { en: 'Waiting time', pl: 'Czas oczekiwania', cs: 'Čekání', ru: 'Ожидание' },
    keywords: {
      en: ['wait*', 'slow', 'queue', 'quick service', 'fast'],
      pl: ['czekał*', 'woln*', 'kolejk*', 'szybk* obsług*', 'sprawnie'],
      cs: ['čekal*', 'pomal*', 'front*', 'rychl* obsluh*'],
      ru: ['ждал*', 'медленн*', 'очеред*', 'быстр* обслуживан*'],
    },
  },
  {
    key: 'quality',
    name: { en: 'Food and coffee', pl: 'Jedzenie i kawa', cs: 'Jídlo a káva', ru: 'Еда и кофе' },
    keywords: {
      en: ['coffee', 'croissant*', 'pastr*', 'bread', 'quality'],
      pl: ['kaw*', 'rogalik*', 'wypiek*', 'chleb', 'jakość*'],
      cs: ['káv*', 'croissant*', 'pečivo', 'chléb', 'kvalit*'],
      ru: ['кофе', 'круассан*', 'выпечк*', 'хлеб', 'качеств*'],
    },
  },
  {
    key: 'delivery',
    name: { en: 'Delivery', pl: 'Dostawa', cs: 'Doručení', ru: 'Доставка' },
    keywords: {
      en: ['deliver*', 'courier', 'late'],
      pl: ['dostaw*', 'kurier*', 'spóźnion*'],
      cs: ['doruč*', 'kurýr*', 'zpozdil*'],
      ru: ['доставк*', 'курьер*', 'опоздал*'],
    },
  },
  {
    key: 'app',
    name: { en: 'App', pl: 'Aplikacja', cs: 'Aplikace', ru: 'Приложение' },
    keywords: {
      en: ['app', 'log in', 'crash*', 'checkout'],
      pl: ['aplikacj*', 'zalogować', 'zawiesza*'],
      cs: ['aplikac*', 'přihlásit', 'padá'],
      ru: ['приложени*', 'войти', 'падает'],
    },
  },
];

export const topicsStep: DemoStep = {
  name: 'topics',
  available: ({ api }) => api.has('POST', '/api/v1/analytics/topics'),
  async run(ctx) {
    for (const topic of TOPICS) await ctx.api.call('POST', '/api/v1/analytics/topics', topic);
    // A new taxonomy re-tags the stored answers in the background, all at once: cheaper than
    // tagging each answer on arrival, so the topics come after the answers.
    await drainJobs(ctx);
    ctx.counts.topics = TOPICS.length;
  },
};
