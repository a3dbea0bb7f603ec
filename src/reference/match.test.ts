import { describe, expect, it } from 'vitest';
import { JESI_NEIGHBOURS, NATIONALITIES } from '../demo/profiles.js';
import { listCountries } from './index.js';
import { countryKey, matchCitizenship, matchComune, matchCountry } from './match.js';

describe('matchCountry', () => {
  it.each([
    // the Jesi report's countries, as written there
    ['Algeria', 'DZ'],
    ['Argentina', 'AR'],
    ['Brasile', 'BR'],
    ['Burkina Faso', 'BF'],
    ['Cina', 'CN'],
    ["Costa d'avorio", 'CI'],
    ["Costa D'Avorio", 'CI'],
    ['Costa d’Avorio', 'CI'],
    ['COSTA D AVORIO', 'CI'],
    ['Cuba', 'CU'],
    ['El Salvador', 'SV'],
    ['Gambia', 'GM'],
    ['Georgia', 'GE'],
    ['Ghana', 'GH'],
    ['Guinea', 'GN'],
    ['Inghilterra', 'GB'],
    ['Regno Unito', 'GB'],
    ['Gran Bretagna', 'GB'],
    ['Moldavia', 'MD'],
    ['Moldova', 'MD'],
    ['Perù', 'PE'],
    ['Peru', 'PE'],
    ['Rep. Dem. Congo', 'CD'],
    ['Congo RD', 'CD'],
    ['Repubblica Democratica del Congo', 'CD'],
    ['Congo', 'CG'],
    ['Repubblica Dominicana', 'DO'],
    ['Sierra Leone', 'SL'],
    ['Somalia', 'SO'],
    ['Venezuela', 'VE'],
    // other variants
    ['Stati Uniti', 'US'],
    ['USA', 'US'],
    ["Stati Uniti d'America", 'US'],
    ['Russia', 'RU'],
    ['Federazione Russa', 'RU'],
    ['Macedonia', 'MK'],
    ['Olanda', 'NL'],
    ['Birmania', 'MM'],
    ['Bosnia Erzegovina', 'BA'],
    ['italia', 'IT'],
    ['  MAROCCO ', 'MA'],
    // English names
    ['Morocco', 'MA'],
    ['United Kingdom', 'GB'],
    ['Ivory Coast', 'CI'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Germany', 'DE'],
    // codes
    ['MA', 'MA'],
    ['ma', 'MA'],
    ['MAR', 'MA'],
    ['ita', 'IT'],
    ['GBR', 'GB'],
    ['436', 'MA'],
    ['100', 'IT'],
    ['999', 'XS'],
    ['Z330', 'MA'],
    // demonyms
    ['italiana', 'IT'],
    ['Italiano', 'IT'],
    ['marocchina', 'MA'],
    ['MAROCCHINO', 'MA'],
    ['nigeriana', 'NG'],
    ['tunisina', 'TN'],
    ['camerunense', 'CM'],
    ['albanese', 'AL'],
    ['rumena', 'RO'],
    ['romeno', 'RO'],
    ['ucraina', 'UA'],
    ['senegalese', 'SN'],
    ['pakistano', 'PK'],
    ['bengalese', 'BD'],
    ['cinese', 'CN'],
    ['ivoriana', 'CI'],
    ['moldava', 'MD'],
    ['kosovaro', 'XK'],
    ['tedesca', 'DE'],
    ['turche', 'TR'],
    ['russa', 'RU'],
    ['nigerino', 'NE'],
    ['apolide', 'XS'],
    ['Moroccan', 'MA'],
    ['Nigerian', 'NG'],
  ])('%s → %s', (text, code) => {
    expect(matchCountry(text)?.code).toBe(code);
  });

  it.each(['Atlantide', '', 'XX', 'QQQ', '12345', 'marocchinissimo'])('%s matches nothing', (text) => {
    expect(matchCountry(text)).toBeUndefined();
  });

  it('finds every shipped country by its Italian and its English name', () => {
    for (const country of listCountries()) {
      expect(matchCountry(country.it)?.code, country.it).toBe(country.code);
      // Two countries share an English name only where ISTAT's Italian differs (none today).
      expect(matchCountry(country.en)?.code, country.en).toBe(country.code);
    }
  });

  it('knows a demonym for each nationality of the demo’s population and of the Jesi report', () => {
    const demonyms: Record<string, string> = {
      IT: 'italiana',
      MA: 'marocchina',
      NG: 'nigeriana',
      PK: 'pakistana',
      BD: 'bengalese',
      TN: 'tunisina',
      SN: 'senegalese',
      AL: 'albanese',
      UA: 'ucraina',
      EG: 'egiziana',
      IN: 'indiana',
      GH: 'ghanese',
      CI: 'ivoriana',
      GM: 'gambiana',
      ML: 'maliana',
      GN: 'guineana',
      CM: 'camerunense',
      DZ: 'algerina',
      CN: 'cinese',
      PE: 'peruviana',
      BR: 'brasiliana',
      AR: 'argentina',
      CU: 'cubana',
      DO: 'dominicana',
      SV: 'salvadoregna',
      VE: 'venezuelana',
      MD: 'moldava',
      GE: 'georgiana',
      BF: 'burkinabè',
      CD: 'congolese',
      SL: 'sierraleonese',
      SO: 'somala',
      AF: 'afghana',
      XK: 'kosovara',
      MK: 'macedone',
      RO: 'rumena',
      PL: 'polacca',
      BG: 'bulgara',
      GB: 'inglese',
      DE: 'tedesca',
      HR: 'croata',
      XS: 'apolide',
    };
    for (const { code } of NATIONALITIES) {
      if (code === 'XU') continue;
      expect(demonyms[code], code).toBeDefined();
      expect(matchCitizenship(demonyms[code] as string)?.code, demonyms[code]).toBe(code);
    }
  });

  it('folds small words and abbreviations', () => {
    expect(countryKey('Rep. Dem. del Congo')).toBe('repubblica democratica congo');
  });
});

describe('matchCitizenship', () => {
  it('gives a territory its sovereign’s citizenship', () => {
    expect(matchCitizenship('Hong Kong')?.code).toBe('CN');
    expect(matchCitizenship('marocchina')?.code).toBe('MA');
    expect(matchCitizenship('Atlantide')).toBeUndefined();
  });
});

describe('matchComune', () => {
  it.each([
    ['Jesi', 'Jesi'],
    ['JESI', 'Jesi'],
    ['Jesi (AN)', 'Jesi'],
    ['Jesi AN', 'Jesi'],
    ['Jesi - AN', 'Jesi'],
    ['Moie', 'Maiolati Spontini'],
    ['Moie (AN)', 'Maiolati Spontini'],
    ['Ancona', 'Ancona'],
    ['Castelplanio', 'Castelplanio'],
    ['Cupramontana', 'Cupramontana'],
    ['Falconara Marittima', 'Falconara Marittima'],
    ['Monte Roberto', 'Monte Roberto'],
    ['Montecarotto', 'Montecarotto'],
    ["Morro d'Alba", "Morro d'Alba"],
    ['San Marcello', 'San Marcello'],
    ['Santa Maria Nuova', 'Santa Maria Nuova'],
    ["Serra De' Conti", "Serra de' Conti"],
    ['Serra San Quirico', 'Serra San Quirico'],
    ['Staffolo', 'Staffolo'],
    ['Rosora', 'Rosora'],
    ['042021', 'Jesi'],
    ['E388', 'Jesi'],
  ])('%s → %s', (text, name) => {
    expect(matchComune(text)?.name).toBe(name);
  });

  it('finds every comune the demo places the Jesi centre’s people in', () => {
    for (const [name] of JESI_NEIGHBOURS) expect(matchComune(name)?.name.toLowerCase()).toBe(name.toLowerCase());
  });

  it('is undefined for an unknown or ambiguous name', () => {
    expect(matchComune('Atlantide')).toBeUndefined();
    expect(matchComune('Samone')).toBeUndefined();
    expect(matchComune('Samone (TN)')?.province).toBe('TN');
    expect(matchComune('')).toBeUndefined();
  });
});
