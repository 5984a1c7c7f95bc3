// Czech function words. Negations are kept apart: they open phrases; most Czech verbs take
// negation as a prefix (nefunguje), which the stemmer leaves in place.
// biome-ignore format: a word list reads better packed
export const CS_NEGATIONS = [
  'ne', 'nic', 'nikdy', 'není', 'nejsou', 'nebyl', 'nebyla', 'nebylo', 'ani', 'nikdo',
];

// biome-ignore format: a word list reads better packed
export const CS_STOP_WORDS = [
  'a', 'aby', 'aj', 'ale', 'aniž', 'ano', 'asi', 'ať', 'až', 'bez', 'bude', 'budeme', 'budou', 'by', 'byl',
  'byla', 'byli', 'bylo', 'byly', 'bych', 'bychom', 'být', 'co', 'což', 'dnes', 'do', 'dva', 'ho', 'i', 'já',
  'jak', 'jaké', 'jakmile', 'jako', 'jaký', 'je', 'jeden', 'jedna', 'jedno', 'jeho', 'jej', 'její', 'jejich',
  'jemu', 'jen', 'jenom', 'jenž', 'ještě', 'jestli', 'jestliže', 'ji', 'jí', 'jich', 'jím', 'jimi', 'jinak',
  'již', 'jsem', 'jsi', 'jsme', 'jsou', 'jste', 'k', 'kam', 'kde', 'kdo', 'kdy', 'když', 'ke', 'která',
  'které', 'kterou', 'který', 'kteří', 'ku', 'má', 'mají', 'mám', 'máme', 'máte', 'mé', 'mě', 'mezi', 'mi',
  'mít', 'mne', 'mně', 'mnou', 'moc', 'moje', 'můj', 'může', 'my', 'na', 'nad', 'nám', 'námi', 'nás', 'náš',
  'naše', 'naši', 'nebo', 'něco', 'nějak', 'nějaký', 'někde', 'někdo', 'než', 'ní', 'ním', 'nimi', 'no', 'o',
  'od', 'on', 'ona', 'oni', 'ono', 'ony', 'pak', 'po', 'pod', 'podle', 'pokud', 'potom', 'pouze', 'právě',
  'pro', 'proč', 'proto', 'protože', 'před', 'přes', 'při', 'přitom', 's', 'se', 'si', 'sice', 'své', 'svůj',
  'svých', 'svým', 'svými', 'ta', 'tady', 'tak', 'také', 'taky', 'takže', 'tam', 'tato', 'tě', 'tedy', 'ten',
  'tento', 'teď', 'ti', 'tím', 'tímto', 'to', 'tohle', 'toho', 'tohoto', 'tom', 'tomto', 'tomu', 'tomuto',
  'toto', 'tu', 'tuto', 'ty', 'tyto', 'u', 'už', 'v', 'vám', 'vámi', 'vás', 'váš', 'vaše', 've', 'velmi',
  'více', 'však', 'všechno', 'všechny', 'vy', 'z', 'za', 'zase', 'zde', 'ze', 'že',
];

// biome-ignore format: a word list reads better packed
export const CS_HINTS = [
  'děkuji', 'díky', 'obsluha', 'rychle', 'doporučuji', 'dobře', 'dobrá', 'dobrý', 'objednávka', 'doručení',
  'kvalita', 'cena', 'skvělé', 'skvělá', 'kurýr', 'zpoždění', 'čekat', 'čekal', 'obchod', 'zboží', 'balík',
  'příjemná', 'příjemný', 'špatně', 'pomalu', 'dlouho', 'zákazník', 'problém', 'spokojen', 'spokojená',
];
