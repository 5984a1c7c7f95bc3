import { defineMessages } from '../../i18n/define-messages';

/**
 * The fit report as people read it (the CLI), in the four languages of the product. Counts that
 * may be large print as plain digits, like the report's tables, so their plural branches repeat the
 * argument (`{count}`) where `#` would group the digits.
 */
export const valueText = defineMessages({
  en: {
    title:
      'Customer value fit: calibration until {until}, time unit: {unit, select, week {weeks} other {days}}',
    customers:
      'Customers: {customers} ({repeat} with repeat purchases), {tuples, plural, one {{tuples} distinct (x, t_x, T) tuple} other {{tuples} distinct (x, t_x, T) tuples}}; fitted in {seconds} s',
    estimate: 'estimate',
    stdErr: 'std. error',
    logLik: 'log-likelihood',
    converged:
      'converged ({iterations, plural, one {{iterations} iteration} other {{iterations} iterations}})',
    notConverged:
      'NOT converged ({iterations, plural, one {{iterations} iteration} other {{iterations} iterations}})',
    spendUnit: 'spend in minor units of {currency}',
    holdoutTitle: 'Holdout check {from} – {until} ({length}): mean repeat purchases per customer',
    frequency: 'frequency',
    customersColumn: 'customers',
    actual: 'actual',
    total: 'total',
    meanAbsoluteError: 'mean absolute error',
    noModels: 'No model was fitted.',
    scored:
      'Scored {count, plural, one {{count} customer} other {{count} customers}} with {model}; tiers: {tiers}; tier changes: {changes}',
    notScored: 'Customers were not scored: there is no transaction model.',
    warnings: 'Warnings: {warnings}',
    unitWeek: '{count, plural, one {# week} other {# weeks}}',
    unitDay: '{count, plural, one {# day} other {# days}}',
  },
  pl: {
    title:
      'Dopasowanie wartości klienta: kalibracja do {until}, jednostka czasu: {unit, select, week {tygodnie} other {dni}}',
    customers:
      'Klienci: {customers} (z ponownymi zakupami: {repeat}), różnych krotek (x, t_x, T): {tuples}; dopasowano w {seconds} s',
    estimate: 'estymator',
    stdErr: 'błąd std.',
    logLik: 'log-wiarygodność',
    converged: 'zbieżne (iteracje: {iterations})',
    notConverged: 'NIEZBIEŻNE (iteracje: {iterations})',
    spendUnit: 'wydatki w jednostkach podrzędnych waluty {currency}',
    holdoutTitle:
      'Kontrola na okresie testowym {from} – {until} ({length}): średnia liczba ponownych zakupów na klienta',
    frequency: 'częstość',
    customersColumn: 'klienci',
    actual: 'faktycznie',
    total: 'razem',
    meanAbsoluteError: 'średni błąd bezwzględny',
    noModels: 'Nie dopasowano żadnego modelu.',
    scored: 'Oceniono klientów: {count}, model {model}; poziomy: {tiers}; zmiany poziomu: {changes}',
    notScored: 'Klientów nie oceniono: brak modelu transakcji.',
    warnings: 'Ostrzeżenia: {warnings}',
    unitWeek: '{count, plural, one {# tydzień} few {# tygodnie} many {# tygodni} other {# tygodnia}}',
    unitDay: '{count, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}',
  },
  cs: {
    title:
      'Odhad hodnoty zákazníků: kalibrace do {until}, časová jednotka: {unit, select, week {týdny} other {dny}}',
    customers:
      'Zákazníci: {customers} (s opakovaným nákupem: {repeat}), různých n-tic (x, t_x, T): {tuples}; odhadnuto za {seconds} s',
    estimate: 'odhad',
    stdErr: 'směr. chyba',
    logLik: 'log-věrohodnost',
    converged: 'konvergoval (iterací: {iterations})',
    notConverged: 'NEKONVERGOVAL (iterací: {iterations})',
    spendUnit: 'útrata ve vedlejších jednotkách měny {currency}',
    holdoutTitle:
      'Kontrola na testovacím období {from} – {until} ({length}): průměr opakovaných nákupů na zákazníka',
    frequency: 'četnost',
    customersColumn: 'zákazníci',
    actual: 'skutečnost',
    total: 'celkem',
    meanAbsoluteError: 'průměrná absolutní chyba',
    noModels: 'Nebyl odhadnut žádný model.',
    scored: 'Ohodnoceno zákazníků: {count}, model {model}; úrovně: {tiers}; změny úrovně: {changes}',
    notScored: 'Zákazníci nebyli ohodnoceni: chybí model transakcí.',
    warnings: 'Upozornění: {warnings}',
    unitWeek: '{count, plural, one {# týden} few {# týdny} many {# týdne} other {# týdnů}}',
    unitDay: '{count, plural, one {# den} few {# dny} many {# dne} other {# dní}}',
  },
  ru: {
    title:
      'Оценка ценности клиентов: калибровка до {until}, единица времени: {unit, select, week {недели} other {дни}}',
    customers:
      'Клиенты: {customers} (с повторными покупками: {repeat}), различных кортежей (x, t_x, T): {tuples}; оценено за {seconds} с',
    estimate: 'оценка',
    stdErr: 'станд. ошибка',
    logLik: 'лог-правдоподобие',
    converged: 'сошлось (итераций: {iterations})',
    notConverged: 'НЕ сошлось (итераций: {iterations})',
    spendUnit: 'траты в дробных единицах валюты {currency}',
    holdoutTitle:
      'Проверка на отложенном периоде {from} – {until} ({length}): среднее число повторных покупок на клиента',
    frequency: 'частота',
    customersColumn: 'клиенты',
    actual: 'факт',
    total: 'итого',
    meanAbsoluteError: 'средняя абсолютная ошибка',
    noModels: 'Ни одна модель не оценена.',
    scored: 'Оценено клиентов: {count}, модель {model}; уровни: {tiers}; смен уровня: {changes}',
    notScored: 'Клиенты не оценены: нет модели транзакций.',
    warnings: 'Предупреждения: {warnings}',
    unitWeek: '{count, plural, one {# неделя} few {# недели} many {# недель} other {# недели}}',
    unitDay: '{count, plural, one {# день} few {# дня} many {# дней} other {# дня}}',
  },
});
