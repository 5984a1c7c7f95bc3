import snowball from 'snowball-stemmers';
import type { DetectedLang } from './languages';
import { stemPolish } from './stem-polish';

// English, Russian and Czech use the Snowball stemmers (snowball-stemmers, a port of the Snowball
// project's algorithms); Polish uses our own light stemmer. Other languages are not stemmed.
const snowballStemmers = {
  en: snowball.newStemmer('english'),
  ru: snowball.newStemmer('russian'),
  cs: snowball.newStemmer('czech'),
};

/** Stem one normalised (lower-cased) word in its language; unknown languages get the word back. */
export function stemWord(word: string, lang: DetectedLang): string {
  switch (lang) {
    case 'pl':
      return stemPolish(word);
    case 'en':
    case 'ru':
    case 'cs':
      return snowballStemmers[lang].stem(word);
    default:
      return word;
  }
}
