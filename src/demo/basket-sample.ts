/**
 * Baskets of the demo café: the first 2,000 baskets of the Groceries data set (R package arules,
 * GPL; see test/fixtures/groceries/SOURCE.md) that hold an item of the café's menu, each grocery
 * category mapped to one menu item (whole milk → latte, rolls/buns → a butter roll, …), so the
 * demo's rules have the shape of real shopping. One character per item (`0` + its index in
 * MENU), baskets separated by `|`.
 */
export const MENU = [
  { sku: 'LATTE', name: 'Latte', category: 'kawa', priceMinor: 1400 },
  { sku: 'SAL-WARZ', name: 'Sałatka warzywna', category: 'sałatki', priceMinor: 2200 },
  { sku: 'BULKA', name: 'Bułka maślana', category: 'wypieki', priceMinor: 600 },
  { sku: 'LEMON', name: 'Lemoniada', category: 'napoje', priceMinor: 1000 },
  { sku: 'JOG-GRAN', name: 'Jogurt z granolą', category: 'śniadania', priceMinor: 1500 },
  { sku: 'WODA', name: 'Woda mineralna', category: 'napoje', priceMinor: 600 },
  { sku: 'ZUPA-MARCH', name: 'Zupa krem z marchwi', category: 'zupy', priceMinor: 1800 },
  { sku: 'SMOOTHIE', name: 'Smoothie mango', category: 'napoje', priceMinor: 1600 },
  { sku: 'HOTDOG', name: 'Hot dog', category: 'przekąski', priceMinor: 1200 },
  { sku: 'CROISSANT', name: 'Croissant', category: 'wypieki', priceMinor: 900 },
  { sku: 'SOK-POM', name: 'Sok pomarańczowy', category: 'napoje', priceMinor: 1200 },
  { sku: 'PIWO', name: 'Piwo kraftowe', category: 'napoje', priceMinor: 1600 },
  { sku: 'CYDR', name: 'Cydr', category: 'napoje', priceMinor: 1500 },
  { sku: 'SZARLOTKA', name: 'Szarlotka', category: 'desery', priceMinor: 1400 },
  { sku: 'SOK-WYC', name: 'Sok wyciskany', category: 'napoje', priceMinor: 1300 },
  { sku: 'BITA-SMIET', name: 'Bita śmietana', category: 'dodatki', priceMinor: 300 },
  { sku: 'KAN-RAZ', name: 'Kanapka na razowym', category: 'kanapki', priceMinor: 1700 },
  { sku: 'JAJECZNICA', name: 'Jajecznica', category: 'śniadania', priceMinor: 1900 },
  { sku: 'ZAPIEKANKA', name: 'Zapiekanka', category: 'przekąski', priceMinor: 1600 },
  { sku: 'TOST-FR', name: 'Tost francuski', category: 'śniadania', priceMinor: 1500 },
  { sku: 'ESPRESSO', name: 'Espresso', category: 'kawa', priceMinor: 900 },
  { sku: 'QUICHE', name: 'Quiche lotaryńska', category: 'dania', priceMinor: 2100 },
  { sku: 'TOST', name: 'Tost z masłem', category: 'śniadania', priceMinor: 900 },
  { sku: 'SERNIK', name: 'Sernik', category: 'desery', priceMinor: 1500 },
  { sku: 'BURGER', name: 'Burger wołowy', category: 'dania', priceMinor: 3200 },
  { sku: 'CZEKOLADA', name: 'Czekolada na gorąco', category: 'napoje', priceMinor: 1400 },
  { sku: 'ZUPA-DNIA', name: 'Zupa dnia', category: 'zupy', priceMinor: 1500 },
  { sku: 'SAL-KURCZ', name: 'Sałatka z kurczakiem', category: 'sałatki', priceMinor: 2600 },
  { sku: 'PANINI', name: 'Panini', category: 'kanapki', priceMinor: 1900 },
  { sku: 'BAJGIEL', name: 'Bajgiel z serkiem', category: 'kanapki', priceMinor: 1600 },
  { sku: 'GOFR', name: 'Gofr', category: 'desery', priceMinor: 1300 },
  { sku: 'CHIPSY', name: 'Chipsy', category: 'przekąski', priceMinor: 700 },
  { sku: 'CIASTKO', name: 'Ciastko owsiane', category: 'wypieki', priceMinor: 600 },
  { sku: 'TIRAMISU', name: 'Tiramisu', category: 'desery', priceMinor: 1800 },
  { sku: 'FLATWHITE', name: 'Flat white', category: 'kawa', priceMinor: 1300 },
  { sku: 'LASAGNE', name: 'Lasagne', category: 'dania', priceMinor: 2800 },
  { sku: 'OWSIANKA', name: 'Owsianka z jagodami', category: 'śniadania', priceMinor: 1700 },
  { sku: 'TARTA', name: 'Tarta z cebulą', category: 'dania', priceMinor: 1900 },
  { sku: 'BROWNIE', name: 'Brownie', category: 'desery', priceMinor: 1200 },
  { sku: 'KOMBUCHA', name: 'Kombucha', category: 'napoje', priceMinor: 1400 },
  { sku: 'HERBATA', name: 'Herbata ziołowa', category: 'napoje', priceMinor: 900 },
] as const;

export const BASKETS =
  ':C|47D|0|4=M|01P|04F|2|12;R|0|157IL|0457:FG|H|23B|7K|>F|>|I|1|9|0|7M|1267NO|5<|4|238I|1|3<' +
  '>@|45|125S|016|013?ET|H|39|>|<|016Q|:|238<|034679@ADN|4T|<|2345M|D|59|2|W|1256?FGPR|28|<|0' +
  '1|17>@ACG|034|049G|<@|25|2?H|29|01JO|89|08H|27@B|239|0|D|08G|027=IT|0CFV|0:ABV|03|012|09:G' +
  '|5;>|35;|D|I|026>ACJ|6JU|JX|5|2468U|D|1?E|4T|3|T|>O|4:M|:?DEISTU|28<>@N|167:FKS|04@|7:|3W|' +
  '02389E|25B|048;>D|3|2>|6:@HT|023?N|7=|1268;B|5|025CJQ|?T|:RT|047|02;JS|013AJS|03M|19CDP|8B' +
  'NP|<Q|39|1|W|078:=>ABMW|28|BQ|04@|3T|G|17D|3|2|<|<|028BC|1<W|0J|0|:CFLM|2B|012=BJ|34|25:SU' +
  '|01I|8:ELQ|2|14GQ|0146;>J|D|0235|017|HX|02FQ|3B|57|<|1;J|3|06S|09P|1|017;>@L|1|GO|;|3GINOQ' +
  '|0M|0|Q|8D|15N|02|1|15|3;|X|01467;=>?ABFGLMN|2<|GM|07BC|1|G|2B|3|06@HQT|<|=EHX|:BCR|8;|<|V' +
  '|2G|<|05|2|016E|9:|239|345F|D|1348|03R|028CEH|5>|38|0128:?H|W|238<|;G|7BU|2<|<|1567T|125:@' +
  'GMQ|05|28H|268BFGOP|12F|6|0126X|0?C|024:?GQ|9:CG|0135;W|02:|8|056;BFHS|25|23IM|HJ|123?E|0|' +
  '23|02458=G|1=>|146|3|3|01234578:I|06|169ET|E|I|>|D|5|28?BCF|0137=AU|<|6|036:T|25>B|7C|067?' +
  'X|016:=@ACMN|012459>CGS|01234=?KNQ|0267:K|0123:BU|<|9=|045@AGW|7:|0248@|09>N|<|:|12:O|8|01' +
  '5<K|0146?CS|1348EQ|06?HT|45:|DR|14:H|28|246<BGHQ|<|;|3IU|7LM|5|9HL|04678K|0KP|9:@E|;|14@|5' +
  '|37O|348:<D|6|@A|2<|07|K|145@B|16CGMTVW|C|2347|123?IW|LOS|234|3V|4|3|5|8S|3:=>N|01BG|08:<|' +
  '2B|O|239GM|1FV|:|0B|06FO|07;|=HS|?NT|<|<?|6AC|03|H|J|2;|0|0|0:G|9>|8=@BEFL|067?A|4689?B|01' +
  '6GT|29;@D|6DGJQ|4|15|LT|DT|15|2|029:?N|0O|257|5|4|D|;|?FJU|OS|189M|9|278|S|0U|D|23459|3|08' +
  'D|4I|2A|0|01?|1|024>DP|012|17|5O|4B|<|5|0125;C|17:U|038S|2A|167:EG|3>DJO|4:=>E|2?AHT|1|24K' +
  '|3|0|2|;|569|9|T|34567:|0>|3W|35|127|O|5<|I|:JMR|5<|1359U|3Q|012CDH|25;<W|1367HU|3|D|25@|0' +
  '12CEHJS|3<|18L|126H|05;F|E|0>OT|1248?GJ|5W|0157|5X|24|V|D|;|6H|0N|29B|268BGJ|01M|36B|02|BC' +
  '|1O|5|029EFU|5|1?A|0<GS|1:S|03>M|59|0=?DGILMPQ|3B|268AHW|;|5;|135|Q|15R|23|3@O|0DM|29|;|;|' +
  '13:|1EJ|1|05Q|=|3;|27=>D|356;>LMW|3W|0G|1457|@L|@|567D|A|D|3|0|;|03DEHIT|14|45|5|1:>T|0126' +
  'S|1C|3|045>CO|4X|23:|W|3|07L|3|35LN|D|067DJ|0=E|5:|B|2B|27=ABGR|1|4>|03458@|0|059=G|0|16|>' +
  'U|V|AS|23|<|<|13;G|<|2?G|>F|01345A|0|047?GHX|28|3|>P|2DP|05=|;J|16ACS|0146>|<|;J|<|2|ORS|0' +
  '=G|<|6AJ|26?F|2:<JO|02;BC|0|047>AEG|9K|8|9?|6@|23|1;|01567:FT|039@|0246789B|DP|2|<|<|<|0=|' +
  '0135=EGL|5=F|0:HS|012348;I|3|2457;@G|1|2:CGH|016:EH|06FS|35P|2|9<|09E|9=|2457:HJR|:@DHT|2|' +
  '07:?FGJWX|02DHX|59|12:H|0CL|0;DS|125:>CH|029:>AH|06|17:>J|45|167?@P|6B|019@HO|<|2<|1235INW' +
  '|1245S|2356:>S|38AB|;|279A|3|16<BLU|3<?KSX|3D|0|C|17|1|5<M|29|014:>GP|02|2:BR|13?F|:;BO|48' +
  'ADGU|A|023A|2;|0|12368|4G|5|H|02BDNS|FK|789=D|0?E|49D|0C|02349>B|0@HV|12=M|028DI|9D|HKV|01' +
  '6IJ|02|2|4|237G|7|GR|2HTU|05@C|35<ER|14CG|23<>P|02=B|4|0DG|5|BFH|23|059|2|01@KU|07FU|148@|' +
  '0138G|9:BC|>R|2|<|4|?|2<|2|2|2|2|;|245:G|35|9|29AD|26=CH|25|237|<|04;O|012AFH|0;U|135@BCR|' +
  '2;H|H|8;|KUX|<|0168;|047?G|23B|78|467H|79|4|2B|;|3|2|;G|238<|1|5Q|<|D|01?T|27;E|012:?ABEKM' +
  '|05;AEH|156:BEU|1>JK|23|0|06?E|2|1|2:?BM|346;J|1U|027|1IM|01H|01;C|G|18H|<|0234:CGJKTU|045' +
  'CPQR|23|0Q|<|2DKPR|2|5|136|9|025@ABCS|0?K|23457:CW|02568EFHT|01236?JU|0246|;|<B|06DF|135?R' +
  'T|S|027>CP|BEN|8BC|3|09@DHJ|059|04?EFG|0|;|@CER|6|<|056:;?F|01=DX|46MQ|27G|016ADFH|0EFKL|0' +
  '29:C|17=>?CDH|2M|05:;X|012CI|7:=|067BHJ|0:|16;GV|024:<GU|8A|04|4|4|5|0?AT|029|3B|03|013:?D' +
  'F|26:>GHU|04<DJ|1?|1H|014DQT|01AGJ|0467?FTV|D|1258E|6?MN|1267=CFKP|0>?CT|W|?|6;HI|01235;>?' +
  'AEKR|0136=>@EKS|0124567;@HOX|023468BHQ|JT|35|68:GKT|03>AR|2|27:B|06@L|28V|0789:?T|06HM|>|?' +
  'T|4D|EH|;|4DG|<H|3?EIT|L|02>L|2456DU|3<KRS|1K|DM|<|012@|0;@EJK|1W|07|0|9HST|238O|02I|23|17' +
  ':=|035A|39;|01479>DJ|9|3|0:DQ|O|05DGMW|6?|3<|5<CG|35;>|567J|459>?AHILO|3:;<@EPR|23W|238|02' +
  '3458:|046FM|0M|12469B|3|3;|B|0?T|<|3BEL|0BFGIOS|06DT|2B|7|024HT|2DOV|V|:|;UX|09|S|01L|02|3' +
  '7E|014579<>?FQTVW|1:?EKL|1|58|0?|2D|?AGW|0|025ADLQU|>L|P|1367>@AL|014|I|7|049:>B|F|1O|79<I' +
  '|246:@L|3RV|H|4G|014:;>JOQ|4;@|;|13E|01489:?ACIJMT|14679>@BDEIKOPR|3|2;BDFU|46=AQ|0BD|0|A|' +
  '3INQ|15?JKP|04?ADEGLMNO|0149:?DGMP|CM|8AG|:U|1?|014567=>?AFJKLP|2EH|147CE|3AU|467=X|5<?M|1' +
  '26>AFT|?DLQT|2P|P|>D|0FW|0|4:T|1269AHUV|06:E|1467=CG|C|4|01479AFGHLU|5|05=AP|0|I|BCKP|0L|6' +
  '8A|3N|@|16CMO|5R|U|5HVW|02;E|<V|4C|34>?CI|4=GQV|06K|;DW|5|;|08>?|14AEX|1B|16<C|178ALO|0134' +
  '689:=>?J|6|07;@LW|24>R|09|04<>@ABC|35Q|2F|039>BFIJKL|3E|02;|@|<|3W|0J|01346=>EMS|?|469=BGL' +
  'NR|01F|2489?FGIR|:L|4>AFW|H|23679=HLW|014;P|1289ABP|018L|35>P|35|35|0359@GHKNO|79BCQ|01456' +
  '9:>CJK|0379AKLNPV|259<FN|46:@QR|?|:B|0123:@ADHO|1KV|124789=>?@FGIJLNOQ|0:FQR|DN|V|345BCJOR' +
  'X|E|INR|3<@ADR|:;CFR|1478@CFLSU|12569AB|4:MR|035>L|1:=FKX|5<|137;=M|289ABDR|2:SV|3|2568|4D' +
  'J|014;ACD|R|@|03W|01567:=>?GJQRV|13:;<FIN|15CMO|2|6>?O|017;?G|3;@|;@|7LM|6|<W|157;|13>|Q|1' +
  '4|W|1|W|34<QR|27>BM|3458:=|16:?O|3489;C|U|0145:?@HUX|149=>?@F|12AJLSU|4|5:GN|1|E|L|35<D|9|' +
  '5:|LQ|7:=P|3|36;|1E|0>R|137|18<CD|158<@|13457<>DEOQ|8:=@|I|9O|145|5|3R|35V|2<|V|14;>?HILM|' +
  '57|1246FH|2|6;?T|028S|0?EGHK|0289:>JM|<|3<|24R|2|2D|0@|0146:?ACGM|079:@|@I|17>?CJR|257?BFJ' +
  'PW|D|2;|145G|08?G|03<CE|34:?|079A|14M|03EIP|0123;=CEIKN|0246|:|>|07H|0124678:?ABCFGHKM|123' +
  '49=BDLN|1235;<@HS|01=?@AEFGQS|16ENO|5;W|;K|8AF|;|1239AEK|013?CO|0146:EHMTV|046|A|A|35|125<' +
  '>|0|089?@DEFJL|28<|7A|47=BFHP|38B|1B|1467=?@KQX|017=|;|239:D|0=GS|JKOT|E|2|5|04789CD|35|05' +
  '<?ABC|013568>?DFOP|7>Q|;|;|2@|07:D|4|012467>EFHNSU|3|<|<|018|0236?EGL|0345789>B|12KS|2AH|3' +
  '5<QR|1:<ACE|?G|K|?|0246@BCLU|269;B|6IN|016EU|BINR|0136:EF|01367?EFU|3|236;C|>?I|I|0JV|029E' +
  'GH|D|2N|0124:|4:@|3IV|2M|3|?DK|0168KO|1HLT|02;|56;EFKU|01CFLWX|6|07=I|017<?ABCOTW|12IU|248' +
  ':?AOT|129:<|39<S|016?BD|8E|146|<|016=|D|V|U|0129@ABT|017=@HLT|03;|Q|S|5;>|9P|045;>DO|14:=A' +
  'Q|0257|3|039|3>|48O|046>?@AFMW|134T|1|68;=|5W|6K|04I|28|0136:@LSU|0@|056U|:|39BCFIKOQ|NO|0' +
  '12478@AFJKM|6>P|14579>?JLU|D|:<O|1I|09L|I|019<AK|4F|3LPQ|03|:W|14GMX|<|@BCN|7K|;B|;|1DM|0K' +
  '|12348ACI|<|4I|3|5|FIN|349|0:<|4|6FJO|089>BFQ|0137L|4|16L|2349|2:=T|0346HIM|015:;AMPU|QW|G' +
  '|5|38AD|X|3;>|0359W|BE|27HINV|G|X|1238D|0|8N|3|035<|06@|M|1IPW|?|4|14EH|AF|03|358:>ADNT|<|' +
  'DS|3|;|04|0K|=|2CER|0|0269=DI|6D|0GQ|3;|038@|2379=OPW|DR|;|056>?F|07=?GJ|136;H|06AFV|5>@E|' +
  '@V|<GX|9;P|3I|R|3DIM|2|2|25|089@|23|<|<|47:@MT|4|24>|O|7J|012:>@FJ|2|?O|0:?|015;|<|3>|07|3' +
  ';D|01J|?|0257:P|>Q|02|<|23|4Q|12>|28|1C|17N|:D|024567?AC|02468:S|28D|1CH|<O|<|23N|05|6@|4|' +
  'U|27:DS|15@R|012GKR|03C|2|234F|18@|2|12|0B|12679:>@U|FU|0G|45J|?|@J|0:AW|4U|238|19F|@B|2A|' +
  '23|;|N|D|<|1U|0>JP|09=CH|26B|02K|1:B|4=|01256|1=|01?DES|1?|9P|8=?|0?P|9|01368NQ|06;=|J|7:D' +
  '|134;?O|B|8|1245>CH|19?S|45;CP|0|2|57|5:;AFX|04?|4567:C|3|4@BV|8<M|4|X|8R|4I|1E|<G|0489>@B' +
  'CNT|B|29>G|9>|E|4|DJ|2<|39|0126:EHN|5G|46:>?FHN|45|0123GK|=D|DI|347T|1;EU|245|12|5:KU|23CE' +
  'OU|6|0137=@J|02|3;|2C|27I|7=@|023678>ACRS|;|479@R|2V|0D|3<|2<|29<QR|18>|1EU|1JS|28|23<N|IW' +
  '|9P|3>|0|AP|3|=|24AR|=BE|V|8;L|37;=|01:|02|D|7|<|;|<|2C|9|0Q|156CD|0|24|01246|9|<|8|1347|0' +
  '7:?BF|2|01=B|18|02|0<|0J|123=FLX|04L|245:=CH|23A|3N|045|02=|4@CG|5|D|1E|EU|01|3M|12467T|2|' +
  '01:;C|2468@BCD|?|7@FP|25=B|02378AJL|0578:|238|23C|37T|02=@AM|257:>MQ|19=ACDFMS|012@DG|23|1' +
  'H|2|;F|356CH|BS|1:<|09GN|1238|18|23|6L|068FW|01468GL|;AELU|034589;<|:|I|D|01478=?@GMQ|27:=' +
  'HIMQ|1234T|5;|0HX|014689N|2|2>B|0248@E|0=?|0|D|3|;|F|>|=FGI|1A|39BL|P|027|0LO|<|<|19?|3|23' +
  '|2|Q|<|>AF|04AFJ|<|D|014=?FIKLPSU|3P|19AH|9|17:|<|23|=|=|035|I|028<|0=|12|@LQ|B|1:F|:R|3;=' +
  'G|0467AGJ|01249BM|1=>@JP|<|3:<EI|2|<|17:=|0|7|379|9|08=|0|8;W|9EL|02|08;Q|39|3|057>|05|<|0' +
  '=|0567:=FJTX|4V|?|57|8W|12M|123458=>@|W|34NR|2CH|1|7|378|2:BP|02467=|5:R|5;E|3|0|2F|DJ|45A' +
  'JKQ|02569?BD|23457W|06A|49:;=>?AGIO|S|7|0|029Q|:DFJS|8?BGJP|3<|?|045;<FI|156:|=D|69J|6=>|0' +
  '1;U|7>|13<@|25:|<|016AGMW|047=G|6|0CE|34=|<|07@F|014=EP|=|2|0FJR|3|6|6|89<F|F|16:=?CH|E|2>' +
  '|27|0278?G|027IJM|3|09|=|0|05HK|16<?|2|2?AF|27|1468GHKM|3|235|1679=?Q|167|9DR|1356;ANV|29=' +
  'Q|0@|Q|1D|34EJMNS|AB|024V|1:=?BEOR|3?|G|0123;>|35|029CG|0?FJ|3|C|=|123|0C|027CE|0146789:=?' +
  '@CGJMUX|4GJ|<|5|01467:>@EGJQ|014567:;X|4:?CK|02359:;<DIN|5|016=?T|034CGJ|0GQS|0146PSV|0123' +
  '47=?HIPQ|1:=|189AQ|4|F|02<CDKS|2P|35<U|;|9F|6F|013789=?AEF|02N|3<|0379IKNP|0238=|13|0;|6|0' +
  '1K|047;=GJLW|36;@E|03467=AL|K|19GO|?|0?|0156;|048AT|J|02;FH|046|25@|<V|DI|H|J|5V|A|D|9>?@F' +
  'P|8|7P|01:=>AFM|CF|05>|3|39|2U|3>|X|:=DG|3;L|6;=D|W|3;O|357HJ|<|IV|?|14T|0|6A|0134=E|38:>?' +
  'ET|5|5|046>?MQT|;|0>?EQT|3V|4GN|38Q|2;|13A|19|36|014>FM|9O|13@|19J|0579:AO|L|135:;DTU|0|I|' +
  '1:<O|14>|34568=CDHKU|6L|1348<=@JKQT|5=|347@AT|1?E|04IMPW|3>|:;>LO|05C|369>?DGQ|17:|R|3|7;|' +
  ';|>H|=|1346OU|02:<AHKM|5|=A|09<>V|05BV|<|05>M|<|V|C|0|09D|<|O|6?CRU|1458:?LQ|@|1NQ|018?FKM' +
  '|01J|5A|8;=U|46>|14|0:|3E|23459>@AIPQU|014|EHKT|=C|T|0|<K|59EU|03|047ELT|I|349:N|@CP|35>?Q' +
  'T|09A|@|9<|89|034I|;|0@|368L|3I|035>IQ|;<|058CQ|01348@KM|145689>?ALQ|28|E|46AL|0:|1|03|4L|' +
  '23R|127:=>W|05:=|0?@V|<|2|238|;|01D|23|0179J|28|39|>|2|BU|=B|39DNOP|2<|0@B|2;|2L|013I|0147' +
  '8D|D|0124=>|:=|5IV|2B|3|3|6|02EV|29J|017|029:?|12BH|0123CN|138ABP|12@EHM|8NOP|3=|;<|04|9BI' +
  'LU|?@TU|3G|08;|045AGU|3|3;|24:CDKR|M|5>|I|DLM|03<|02@AV|>|U|147|17;|9|S|B|0127CG|F|2W|18AC' +
  'DH|17:=CDIMPU|17|056CEH';
