// Polish function words. Negations are kept apart: they open phrases such as "nie działa".
export const PL_NEGATIONS = ['nie', 'ani', 'nigdy', 'nic', 'niczego', 'nikt'];

// biome-ignore format: a word list reads better packed
export const PL_STOP_WORDS = [
  'a', 'aby', 'ach', 'aczkolwiek', 'albo', 'ale', 'ależ', 'aż', 'bardziej', 'bardzo', 'bez', 'bo', 'bowiem',
  'by', 'być', 'był', 'była', 'byli', 'było', 'były', 'byłam', 'byłem', 'bym', 'byś', 'będzie', 'będą',
  'będę', 'cała', 'cały', 'całe', 'ci', 'cię', 'ciebie', 'co', 'coś', 'czasem', 'czemu', 'czy', 'czyli',
  'dla', 'dlaczego', 'dlatego', 'do', 'dość', 'dużo', 'dwa', 'dwie', 'dziś', 'dzisiaj', 'gdy', 'gdyby',
  'gdyż', 'gdzie', 'gdzieś', 'go', 'i', 'ich', 'ile', 'im', 'inna', 'inne', 'inny', 'innych', 'iż', 'ja',
  'ją', 'jak', 'jakaś', 'jakby', 'jaki', 'jakie', 'jakiś', 'jako', 'jakoś', 'je', 'jeden', 'jedna', 'jedno',
  'jednak', 'jego', 'jej', 'jemu', 'jest', 'jestem', 'jesteś', 'jesteśmy', 'jeszcze', 'jeśli', 'jeżeli',
  'już', 'każdy', 'kiedy', 'kilka', 'kto', 'ktoś', 'która', 'które', 'którego', 'której', 'który', 'których',
  'którym', 'którzy', 'ku', 'lecz', 'lub', 'ma', 'mają', 'mam', 'mamy', 'mi', 'mimo', 'między', 'mną', 'mnie',
  'mogą', 'mogę', 'moi', 'moja', 'moje', 'mojego', 'moją', 'może', 'można', 'mój', 'mu', 'my', 'na', 'nad',
  'nam', 'nami', 'nas', 'nasz', 'nasza', 'nasze', 'naszego', 'natomiast', 'nawet', 'nią', 'nich', 'niego',
  'niej', 'niemu', 'nim', 'nimi', 'niż', 'no', 'o', 'obok', 'od', 'około', 'on', 'ona', 'one', 'oni', 'ono',
  'oraz', 'oto', 'owszem', 'pan', 'pana', 'pani', 'po', 'pod', 'podczas', 'pomimo', 'ponad', 'ponieważ',
  'poza', 'prawie', 'przecież', 'przed', 'przez', 'przy', 'również', 'sam', 'sama', 'są', 'się', 'skąd',
  'sobie', 'sobą', 'swoje', 'swój', 'ta', 'tak', 'taka', 'taki', 'takie', 'także', 'tam', 'te', 'tego', 'tej',
  'temu', 'ten', 'teraz', 'też', 'to', 'tobą', 'tobie', 'trzeba', 'tu', 'tutaj', 'ty', 'tych', 'tylko', 'tym',
  'u', 'w', 'wam', 'was', 'wasz', 'wasza', 'wasze', 'we', 'według', 'wiele', 'wielu', 'więc', 'więcej',
  'wszyscy', 'wszystkich', 'wszystkie', 'wszystko', 'wtedy', 'wy', 'właśnie', 'z', 'za', 'zawsze', 'ze',
  'znowu', 'znów', 'został', 'została', 'zostało', 'żaden', 'żadna', 'żadne', 'że', 'żeby',
];

// biome-ignore format: a word list reads better packed
export const PL_HINTS = [
  'obsługa', 'dziękuję', 'dzięki', 'dobrze', 'dobra', 'dobry', 'szybko', 'polecam', 'dostawa', 'zamówienie',
  'cena', 'jakość', 'świetna', 'świetny', 'kurier', 'czekać', 'czekałem', 'czekałam', 'sklep', 'towar',
  'paczka', 'miła', 'miły', 'fajnie', 'źle', 'wolno', 'długo', 'klient', 'problem',
];
