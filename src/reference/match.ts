/**
 * Countries and comuni from what people write in their registers: a country by its Italian or
 * English name with the usual variants ("Inghilterra", "Costa d'avorio", "Rep. Dem. Congo",
 * "Moldavia", "USA"), by ISO alpha-2 or alpha-3 code or ISTAT code, or a citizenship by its
 * demonym ("marocchina", "nigeriano"); a comune by name, with or without its province, or a
 * frazione ("Moie" → Maiolati Spontini), or by ISTAT or cadastral code. Case, accents,
 * apostrophes and punctuation do not matter.
 */
import {
  type Comune,
  type Country,
  findComune,
  findComuneByCadastral,
  findCountry,
  findCountryByIstat,
  listCountries,
  normalizePlaceName,
  resolveComuneName,
} from './index.js';

/** ISO 3166-1 alpha-3 → alpha-2 for the shipped countries (from i18n-iso-countries 7.14.0, as the data). */
const ALPHA3 =
  'ANDAD AREAE AFGAF ATGAG AIAAI ALBAL ARMAM AGOAO ATAAQ ARGAR ASMAS AUTAT AUSAU ABWAW ALAAX AZEAZ BIHBA BRBBB BGDBD BELBE BFABF BGRBG BHRBH BDIBI BENBJ BLMBL BMUBM BRNBN BOLBO BESBQ BRABR BHSBS BTNBT BVTBV BWABW BLRBY BLZBZ CANCA CCKCC CODCD CAFCF COGCG CHECH CIVCI COKCK CHLCL CMRCM CHNCN COLCO CRICR CUBCU CPVCV CUWCW CXRCX CYPCY CZECZ DEUDE DJIDJ DNKDK DMADM DOMDO DZADZ ECUEC ESTEE EGYEG ESHEH ERIER ESPES ETHET FINFI FJIFJ FLKFK FSMFM FROFO FRAFR GABGA GBRGB GRDGD GEOGE GUFGF GGYGG GHAGH GIBGI GRLGL GMBGM GINGN GLPGP GNQGQ GRCGR SGSGS GTMGT GUMGU GNBGW GUYGY HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IRLIE ISRIL IMNIM INDIN IOTIO IRQIQ IRNIR ISLIS ITAIT JEYJE JAMJM JORJO JPNJP KENKE KGZKG KHMKH KIRKI COMKM KNAKN PRKKP KORKR KWTKW CYMKY KAZKZ LAOLA LBNLB LCALC LIELI LKALK LBRLR LSOLS LTULT LUXLU LVALV LBYLY MARMA MCOMC MDAMD MNEME MAFMF MDGMG MHLMH MKDMK MLIML MMRMM MNGMN MACMO MNPMP MTQMQ MRTMR MSRMS MLTMT MUSMU MDVMV MWIMW MEXMX MYSMY MOZMZ NAMNA NCLNC NERNE NFKNF NGANG NICNI NLDNL NORNO NPLNP NRUNR NIUNU NZLNZ OMNOM PANPA PERPE PYFPF PNGPG PHLPH PAKPK POLPL SPMPM PCNPN PRIPR PSEPS PRTPT PLWPW PRYPY QATQA REURE ROURO SRBRS RUSRU RWARW SAUSA SLBSB SYCSC SDNSD SWESE SGPSG SHNSH SVNSI SJMSJ SVKSK SLESL SMRSM SENSN SOMSO SURSR SSDSS STPST SLVSV SXMSX SYRSY SWZSZ TCATC TCDTD ATFTF TGOTG THATH TJKTJ TKLTK TLSTL TKMTM TUNTN TONTO TURTR TTOTT TUVTV TWNTW TZATZ UKRUA UGAUG UMIUM USAUS URYUY UZBUZ VATVA VCTVC VENVE VGBVG VIRVI VNMVN VUTVU WLFWF WSMWS XKKXK YEMYE MYTYT ZAFZA ZMBZM ZWEZW';

/** Small words a country's name may carry or not; abbreviations written out. */
const DROPPED = new Set(['del', 'della', 'dello', 'dei', 'degli', 'delle', 'di', 'd', 'de', 'of', 'the', 'and', 'e']);
const EXPANDED: Readonly<Record<string, string>> = { rep: 'repubblica', dem: 'democratica', fed: 'federazione', st: 'saint' };

/** A country's name folded for comparison: "Rep. Dem. del Congo" → "repubblica democratica congo". */
export function countryKey(value: string): string {
  return normalizePlaceName(value)
    .split(' ')
    .map((word) => EXPANDED[word] ?? word)
    .filter((word) => word !== '' && !DROPPED.has(word))
    .join(' ');
}

/** Names people write that are not ISTAT's or ISO's English name. */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  GB: [
    'Inghilterra',
    'Gran Bretagna',
    'UK',
    'Scozia',
    'Galles',
    'Irlanda del Nord',
    'Great Britain',
    'Britain',
    'England',
    'Scotland',
    'Wales',
  ],
  CI: ['Ivory Coast', 'Costa Avorio', "Cote d'Ivoire"],
  CD: [
    'Congo RD',
    'RD Congo',
    'RDC',
    'DRC',
    'DR Congo',
    'Congo Kinshasa',
    'Zaire',
    'Congo Repubblica Democratica',
    'Repubblica Democratica Congo',
  ],
  CG: ['Congo Brazzaville', 'Repubblica del Congo', 'Republic of the Congo'],
  MD: ['Moldavia', 'Repubblica Moldova', 'Repubblica di Moldavia'],
  US: ['Stati Uniti', 'USA', 'America', 'Stati Uniti America', 'United States', 'US'],
  RU: ['Russia', 'Federazione Russa', 'Russian Federation'],
  MK: ['Macedonia', 'FYROM', 'Ex Repubblica Jugoslava di Macedonia'],
  CZ: ['Cechia', 'Czechia', 'Repubblica Ceca'],
  NL: ['Olanda', 'Holland', 'Paesi Bassi'],
  MM: ['Birmania', 'Myanmar', 'Burma'],
  TR: ['Türkiye', 'Turkiye'],
  SZ: ['Swaziland'],
  KR: ['Corea', 'Repubblica di Corea', 'Korea'],
  KP: ['Repubblica Popolare Democratica di Corea'],
  VA: ['Vaticano', 'Santa Sede', 'Città del Vaticano', 'Holy See'],
  PS: ['Territori palestinesi', 'Palestinian Territories', 'Stato di Palestina'],
  BA: ['Bosnia', 'Bosnia Erzegovina', 'Bosnia Herzegovina'],
  CN: ['Repubblica Popolare Cinese', 'RPC', 'PRC'],
  IR: ['Persia'],
  LK: ['Ceylon', 'Sri-Lanka'],
  TL: ['Timor Est', 'East Timor'],
  BY: ['Russia Bianca', 'Bielorussia'],
  SV: ['Salvador'],
  DO: ['Santo Domingo', 'Rep. Dominicana', 'Repubblica Domenicana'],
  CF: ['Centrafrica'],
  AE: ['Emirati Arabi', 'Emirati', 'UAE'],
  SA: ['Arabia'],
  VN: ['Viet Nam'],
  ST: ['Sao Tome', 'São Tomé'],
  XK: ['Kossovo'],
  XS: ['Apolide', 'Stateless', 'Senza cittadinanza', 'Apolidi'],
  XU: ['Non specificata', 'Non specificato', 'Sconosciuta', 'Sconosciuto', 'Non nota', 'Non noto', 'Ignota', 'Non dichiarata', 'Unknown'],
};

/**
 * Demonyms, Italian by stem (the stem with -o, -a, -i, -e, -he, -hi: "marocchin" gives
 * marocchino, marocchina, marocchini, marocchine) and English in full.
 */
const ITALIAN_DEMONYMS: Readonly<Record<string, string>> = {
  italian: 'IT',
  marocchin: 'MA',
  nigerian: 'NG',
  nigerin: 'NE',
  tunisin: 'TN',
  camerunens: 'CM',
  camerunes: 'CM',
  albanes: 'AL',
  rumen: 'RO',
  romen: 'RO',
  ucrain: 'UA',
  senegales: 'SN',
  pakistan: 'PK',
  bangladesh: 'BD',
  bangladese: 'BD',
  bengales: 'BD',
  cines: 'CN',
  indian: 'IN',
  egizian: 'EG',
  algerin: 'DZ',
  ghanes: 'GH',
  ghanian: 'GH',
  gambian: 'GM',
  guinean: 'GN',
  malian: 'ML',
  ivorian: 'CI',
  moldav: 'MD',
  macedon: 'MK',
  kosovar: 'XK',
  polacc: 'PL',
  bulgar: 'BG',
  croat: 'HR',
  tedesc: 'DE',
  ingles: 'GB',
  britannic: 'GB',
  brasilian: 'BR',
  argentin: 'AR',
  peruvian: 'PE',
  venezuelan: 'VE',
  cuban: 'CU',
  dominican: 'DO',
  salvadoregn: 'SV',
  georgian: 'GE',
  afghan: 'AF',
  somal: 'SO',
  sierraleones: 'SL',
  burkinab: 'BF',
  eritre: 'ER',
  etiop: 'ET',
  sudanes: 'SD',
  irachen: 'IQ',
  iranian: 'IR',
  sirian: 'SY',
  turc: 'TR',
  russ: 'RU',
  bielorus: 'BY',
  serb: 'RS',
  bosniac: 'BA',
  montenegrin: 'ME',
  frances: 'FR',
  spagnol: 'ES',
  portoghes: 'PT',
  filippin: 'PH',
  srilankes: 'LK',
  cingales: 'LK',
  nepales: 'NP',
  ecuadorian: 'EC',
  colombian: 'CO',
  bolivian: 'BO',
  cilen: 'CL',
  messican: 'MX',
  statunitens: 'US',
  american: 'US',
  canades: 'CA',
  giappones: 'JP',
  vietnamit: 'VN',
  thailandes: 'TH',
  libic: 'LY',
  liberian: 'LR',
  togoles: 'TG',
  benines: 'BJ',
  ciadian: 'TD',
  keniot: 'KE',
  ugandes: 'UG',
  ruandes: 'RW',
  sudafrican: 'ZA',
  capoverdian: 'CV',
  lituan: 'LT',
  letton: 'LV',
  eston: 'EE',
  grec: 'GR',
  slovacc: 'SK',
  sloven: 'SI',
  ungheres: 'HU',
  cec: 'CZ',
  olandes: 'NL',
  belg: 'BE',
  svizzer: 'CH',
  austriac: 'AT',
  irlandes: 'IE',
  svedes: 'SE',
  norveges: 'NO',
  finlandes: 'FI',
  danes: 'DK',
  armen: 'AM',
  azer: 'AZ',
  palestines: 'PS',
  giordan: 'JO',
  libanes: 'LB',
  israelian: 'IL',
  saudit: 'SA',
  yemenit: 'YE',
  mauritan: 'MR',
  congoles: 'CD',
  guineian: 'GN',
  sahraw: 'EH',
  apolid: 'XS',
};

const ENGLISH_DEMONYMS: Readonly<Record<string, string>> = {
  moroccan: 'MA',
  tunisian: 'TN',
  albanian: 'AL',
  romanian: 'RO',
  ukrainian: 'UA',
  senegalese: 'SN',
  pakistani: 'PK',
  bangladeshi: 'BD',
  chinese: 'CN',
  egyptian: 'EG',
  algerian: 'DZ',
  ghanaian: 'GH',
  cameroonian: 'CM',
  moldovan: 'MD',
  kosovan: 'XK',
  polish: 'PL',
  bulgarian: 'BG',
  croatian: 'HR',
  german: 'DE',
  british: 'GB',
  english: 'GB',
  brazilian: 'BR',
  argentinian: 'AR',
  argentine: 'AR',
  salvadoran: 'SV',
  somali: 'SO',
  'sierra leonean': 'SL',
  burkinabe: 'BF',
  eritrean: 'ER',
  ethiopian: 'ET',
  sudanese: 'SD',
  iraqi: 'IQ',
  syrian: 'SY',
  turkish: 'TR',
  russian: 'RU',
  french: 'FR',
  spanish: 'ES',
  filipino: 'PH',
  'sri lankan': 'LK',
  nepali: 'NP',
  nigerien: 'NE',
  ivorian: 'CI',
  congolese: 'CD',
  afghani: 'AF',
};

let nameIndex: Map<string, Country> | undefined;
let alpha3Index: Map<string, string> | undefined;

function countryIndex(): Map<string, Country> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, Country>();
  const add = (name: string, country: Country | undefined): void => {
    const key = countryKey(name);
    if (country && key !== '' && !index.has(key)) index.set(key, country);
  };
  const countries = listCountries();
  // ISTAT's Italian names first, then the English ones, then what people write.
  for (const country of countries) {
    add(country.it, country);
    for (const part of country.it.split('/')) add(part, country);
  }
  for (const country of countries) {
    add(country.en, country);
    for (const part of country.en.split('/')) add(part, country);
  }
  for (const [code, names] of Object.entries(VARIANTS)) for (const name of names) add(name, findCountry(code));
  for (const [name, code] of Object.entries(ENGLISH_DEMONYMS)) add(name, findCountry(code));
  nameIndex = index;
  return index;
}

function alpha3(code: string): Country | undefined {
  if (!alpha3Index) {
    alpha3Index = new Map(ALPHA3.split(' ').map((pair) => [pair.slice(0, 3), pair.slice(3)]));
  }
  const alpha2 = alpha3Index.get(code);
  return alpha2 ? findCountry(alpha2) : undefined;
}

const DEMONYM_ENDINGS = ['', 'o', 'a', 'i', 'e', 'he', 'hi'];

function byDemonym(key: string): Country | undefined {
  if (!/^[a-z]+$/.test(key)) return undefined;
  for (const ending of DEMONYM_ENDINGS) {
    if (!key.endsWith(ending)) continue;
    const code = ITALIAN_DEMONYMS[key.slice(0, key.length - ending.length)];
    if (code !== undefined) return findCountry(code);
  }
  return undefined;
}

/**
 * The country a cell names, or undefined: a name (Italian, English, a usual variant), an ISO
 * alpha-2 or alpha-3 code, an ISTAT code, a cadastral "Z" code, or a demonym.
 */
export function matchCountry(value: string): Country | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const key = countryKey(text);
  const byName = countryIndex().get(key);
  if (byName) return byName;
  if (/^\d{1,3}$/.test(text)) return findCountryByIstat(text);
  if (/^[A-Za-z]{2}$/.test(text)) return findCountry(text);
  if (/^[A-Za-z]{3}$/.test(text)) {
    const country = alpha3(text.toUpperCase());
    if (country) return country;
  }
  if (/^[Zz]\d{3}$/.test(text)) {
    const cadastral = text.toUpperCase();
    return listCountries().find((country) => country.cadastral === cadastral);
  }
  return byDemonym(key);
}

/**
 * The citizenship a cell names: a country as matchCountry reads it, a dependent territory
 * giving its sovereign state's (Hong Kong → China), since a territory is no citizenship.
 */
export function matchCitizenship(value: string): Country | undefined {
  const country = matchCountry(value);
  if (country?.kind === 'territory' && country.parent) return findCountry(country.parent);
  return country;
}

/**
 * The comune a cell names, or undefined: its name (or a frazione's), with or without the
 * province ("Jesi (AN)", "Jesi AN", "Jesi - AN"), or its ISTAT or cadastral code. Ambiguous
 * names (the same name in two provinces, none given) are undefined.
 */
export function matchComune(value: string): Comune | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  if (/^\d{5,6}$/.test(text)) return findComune(text);
  if (/^[A-Za-z]\d{3}$/.test(text)) return findComuneByCadastral(text);
  const direct = resolveComuneName(text);
  if (direct) return direct;
  const withProvince = /^(.*?)\s*(?:[-,/]\s*|\s)\(?([A-Za-z]{2})\)?\.?$/.exec(text);
  if (withProvince?.[1] && withProvince[2]) return resolveComuneName(withProvince[1], withProvince[2].toUpperCase());
  return undefined;
}
