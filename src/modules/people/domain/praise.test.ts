import { describe, expect, it } from 'vitest';
import { peopleNamed, praiseScore } from './praise';

const staff = [
  { id: 'kasia', name: 'Katarzyna Wójcik' },
  { id: 'tomek', name: 'Tomasz Mazur' },
  { id: 'ewa', name: 'Ewa Kowalska' },
  { id: 'ewelina', name: 'Ewelina Nowak' },
  { id: 'anna-k', name: 'Anna Krawczyk' },
  { id: 'anna-z', name: 'Anna Zielińska' },
];

describe('praise', () => {
  it('is a promoter or a satisfied customer who wrote something', () => {
    expect(praiseScore({ nps: 9 }, ['Great'])).toEqual({ metric: 'nps', score: 9 });
    expect(praiseScore({ nps: 8, csat: 5 }, ['Great'])).toBeNull();
    expect(praiseScore({ csat: 4 }, ['Nice'])).toEqual({ metric: 'csat', score: 4 });
    expect(praiseScore({ nps: 10 }, ['  '])).toBeNull();
  });
});

describe('people a comment names', () => {
  it('finds declined Polish first names and short forms', () => {
    expect(peopleNamed('Dziękuję Pani Katarzynie za pomoc!', staff)).toEqual(['kasia']);
    expect(peopleNamed('Kasia zrobiła najlepsze latte', staff)).toEqual(['kasia']);
    expect(peopleNamed('Podziękowania dla Tomka i Tomaszowi', staff)).toEqual(['tomek']);
  });
  it('lets the longest stem win: Ewelina is not Ewa', () => {
    expect(peopleNamed('Ewelina was lovely', staff)).toEqual(['ewelina']);
    expect(peopleNamed('Dzięki, Ewo!', staff)).toEqual(['ewa']);
  });
  it('names several people, or one when a surname follows', () => {
    expect(peopleNamed('Anna was great', staff).sort()).toEqual(['anna-k', 'anna-z']);
    expect(peopleNamed('Anna Zielińska was great', staff)).toEqual(['anna-z']);
    expect(peopleNamed('Kasia and Tomek were great', staff).sort()).toEqual(['kasia', 'tomek']);
  });
  it('ignores words in lower case and words that only start like a name', () => {
    expect(peopleNamed('the annual offer was fine', staff)).toEqual([]);
    expect(peopleNamed('Great coffee', staff)).toEqual([]);
    expect(peopleNamed('Tomatoes were fresh', staff)).toEqual([]);
  });
});
