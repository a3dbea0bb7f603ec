import { describe, expect, it } from 'vitest';
import {
  findComune,
  findComuneByCadastral,
  findCountry,
  findCountryByIstat,
  listComuni,
  listCountries,
  listFrazioni,
  normalizePlaceName,
  REFERENCE_DATA_SOURCES,
  resolveComuneName,
  searchComuni,
} from './index.js';

describe('countries', () => {
  it('has Italy as ISTAT 100', () => {
    expect(findCountry('IT')).toMatchObject({ code: 'IT', istat: '100', it: 'Italia', en: 'Italy', kind: 'state' });
  });

  it('uses ISO GB for the United Kingdom, with its ISTAT code', () => {
    expect(findCountry('GB')).toMatchObject({ istat: '219', it: 'Regno Unito', en: 'United Kingdom', cadastral: 'Z114' });
    expect(findCountry('UK')).toBeUndefined();
  });

  it('knows the main countries of origin with their ISTAT codes and ISTAT Italian names', () => {
    expect(findCountry('MA')).toMatchObject({ istat: '436', it: 'Marocco' });
    expect(findCountry('NG')).toMatchObject({ istat: '443', it: 'Nigeria' });
    expect(findCountry('TN')).toMatchObject({ istat: '460', it: 'Tunisia' });
    expect(findCountry('CI')).toMatchObject({ istat: '404', it: "Costa d'Avorio" });
    expect(findCountry('CD')).toMatchObject({ istat: '463', it: 'Repubblica Democratica del Congo' });
    expect(findCountry('MD')).toMatchObject({ istat: '254', it: 'Moldova' });
    expect(findCountry('AL')).toMatchObject({ istat: '201', it: 'Albania' });
    expect(findCountry('UA')).toMatchObject({ istat: '243', it: 'Ucraina' });
    expect(findCountry('PK')).toMatchObject({ istat: '344', it: 'Pakistan' });
    expect(findCountry('BD')).toMatchObject({ istat: '305', it: 'Bangladesh' });
    expect(findCountry('SN')).toMatchObject({ istat: '450', it: 'Senegal' });
  });

  it('includes Kosovo, stateless and unknown with the agreed codes', () => {
    expect(findCountry('XK')).toMatchObject({ istat: '272', it: 'Kosovo' });
    expect(findCountry('XS')).toEqual({ code: 'XS', istat: '999', it: 'Apolide', en: 'Stateless', kind: 'special' });
    expect(findCountry('XU')).toEqual({ code: 'XU', istat: null, it: 'Non specificata', en: 'Unknown', kind: 'special' });
  });

  it('is case-insensitive and tolerant of spaces', () => {
    expect(findCountry('ma')?.it).toBe('Marocco');
    expect(findCountry(' gb ')?.code).toBe('GB');
    expect(findCountry('ZZ')).toBeUndefined();
    expect(findCountry('')).toBeUndefined();
  });

  it('finds countries by ISTAT code', () => {
    expect(findCountryByIstat('436')?.code).toBe('MA');
    expect(findCountryByIstat('999')?.code).toBe('XS');
    expect(findCountryByIstat('100')?.code).toBe('IT');
    expect(findCountryByIstat('123')).toBeUndefined();
  });

  it('lists every country of the world once, sorted by Italian name', () => {
    const list = listCountries();
    expect(list.length).toBeGreaterThan(190);
    expect(list.length).toBeLessThan(300);
    const codes = list.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of list) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      if (c.istat !== null) expect(c.istat).toMatch(/^\d{3}$/);
      expect(c.it.length).toBeGreaterThan(0);
      expect(c.en.length).toBeGreaterThan(0);
    }
    const istatCodes = list.flatMap((c) => (c.istat ? [c.istat] : []));
    expect(new Set(istatCodes).size).toBe(istatCodes.length);
    const collator = new Intl.Collator('it', { sensitivity: 'base' });
    for (let i = 1; i < list.length; i++) {
      expect(collator.compare(list[i - 1]?.it ?? '', list[i]?.it ?? '')).toBeLessThanOrEqual(0);
    }
    // 193 UN members (Italy included) + Vatican, Palestine, Kosovo, Taiwan, all with an ISTAT code
    const states = list.filter((c) => c.kind === 'state');
    expect(states).toHaveLength(197);
    expect(states.every((c) => c.istat !== null)).toBe(true);
  });

  it('links territories to their sovereign state', () => {
    expect(findCountry('GI')).toMatchObject({ kind: 'territory', istat: '910', parent: 'GB' });
    expect(findCountry('HK')).toMatchObject({ kind: 'territory', istat: null, parent: 'CN' });
  });

  it('returns frozen data', () => {
    expect(Object.isFrozen(listCountries())).toBe(true);
    expect(Object.isFrozen(findCountry('IT'))).toBe(true);
  });
});

describe('comuni', () => {
  it('finds Jesi by ISTAT code, also without the leading zero', () => {
    expect(findComune('042021')).toEqual({ istat: '042021', name: 'Jesi', province: 'AN', cadastral: 'E388' });
    expect(findComune('42021')?.name).toBe('Jesi');
    expect(findComune('999999')).toBeUndefined();
  });

  it('finds comuni by cadastral code', () => {
    expect(findComuneByCadastral('e388')?.istat).toBe('042021');
    expect(findComuneByCadastral('H501')?.name).toBe('Roma');
  });

  it('holds all current Italian comuni with plausible fields', () => {
    const all = listComuni();
    expect(all.length).toBeGreaterThan(7800);
    expect(all.length).toBeLessThan(8100);
    expect(new Set(all.map((c) => c.istat)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.cadastral)).size).toBe(all.length);
    for (const c of all) {
      expect(c.istat).toMatch(/^\d{6}$/);
      expect(c.province).toMatch(/^[A-Z]{2}$/);
      expect(c.cadastral).toMatch(/^[A-M]\d{3}$/);
    }
    expect(listComuni('AN')).toHaveLength(47);
    expect(listComuni('an').every((c) => c.istat.startsWith('042'))).toBe(true);
    expect(findComune('058091')).toMatchObject({ name: 'Roma', province: 'RM', cadastral: 'H501' });
    expect(findComune('015146')).toMatchObject({ name: 'Milano', province: 'MI', cadastral: 'F205' });
    expect(findComune('021008')).toMatchObject({ name: 'Bolzano/Bozen', altNames: ['Bolzano', 'Bozen'] });
    expect(findComune('042050')).toMatchObject({ name: 'Trecastelli', province: 'AN' });
  });

  it('keeps the Slovenian letters of bilingual names', () => {
    expect(findComune('032001')?.name).toBe('Duino Aurisina-Devin Nabrežina');
    expect(findComune('031022')?.name).toBe("Savogna d'Isonzo-Sovodnje ob Soči");
    expect(resolveComuneName('Duino Aurisina')?.istat).toBe('032001');
  });
});

describe('searchComuni', () => {
  it('resolves a frazione to its comune and reports it: Moie -> Maiolati Spontini', () => {
    const [first] = searchComuni('Moie');
    expect(first).toEqual({
      comune: { istat: '042023', name: 'Maiolati Spontini', province: 'AN', cadastral: 'E837' },
      matchedName: 'Moie',
      matchedFrazione: 'Moie',
    });
  });

  it('forgives accents and case: "forli" finds Forlì first', () => {
    const names = searchComuni('forli').map((m) => m.comune.name);
    expect(names[0]).toBe('Forlì');
    expect(names).toContain('Forlimpopoli');
    expect(searchComuni('FORLÌ')[0]?.comune.istat).toBe('040012');
  });

  it("forgives apostrophes: Sant'Angelo, Sant Angelo and Santangelo", () => {
    for (const q of ["Sant'Angelo", 'sant angelo', 'Santangelo', 'Sant’Angelo']) {
      const hits = searchComuni(q, 20);
      expect(hits.length).toBeGreaterThan(5);
      for (const h of hits) expect(normalizePlaceName(h.matchedName).replace(/ /g, '')).toContain('santangelo');
    }
    expect(searchComuni("Sant'Angelo in Vado")[0]?.comune).toMatchObject({ name: "Sant'Angelo in Vado", province: 'PU' });
  });

  it('puts exact and prefix matches before matches inside the name', () => {
    const names = searchComuni('ancona').map((m) => m.comune.name);
    expect(names[0]).toBe('Ancona');
    const jesi = searchComuni('jesi').map((m) => m.comune.name);
    expect(jesi[0]).toBe('Jesi');
    expect(jesi).toContain('San Paolo di Jesi');
    expect(jesi.indexOf('Jesi')).toBeLessThan(jesi.indexOf('San Paolo di Jesi'));
  });

  it('lists each comune once and honours the limit', () => {
    const hits = searchComuni('san', 25);
    expect(hits).toHaveLength(25);
    expect(new Set(hits.map((h) => h.comune.istat)).size).toBe(25);
    expect(searchComuni('montemarciano', 10).filter((h) => h.comune.istat === '042027')).toHaveLength(1);
    expect(searchComuni('   ')).toEqual([]);
    expect(searchComuni('xyzxyz')).toEqual([]);
  });

  it('finds comuni by their German name in Alto Adige', () => {
    expect(searchComuni('Bozen')[0]).toMatchObject({ comune: { istat: '021008' }, matchedName: 'Bozen' });
  });
});

describe('resolveComuneName', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['Moie', '042023', 'Maiolati Spontini'],
    ['Castelplanio', '042012', 'Castelplanio'],
    ['Cupramontana', '042016', 'Cupramontana'],
    ['Santa Maria Nuova', '042043', 'Santa Maria Nuova'],
    ["Serra de' Conti", '042046', "Serra de' Conti"],
    ['Serra de Conti', '042046', "Serra de' Conti"],
    ["Morro d'Alba", '042031', "Morro d'Alba"],
    ['MORRO D ALBA', '042031', "Morro d'Alba"],
    ['Staffolo', '042049', 'Staffolo'],
    ['Rosora', '042040', 'Rosora'],
    ['Monte Roberto', '042029', 'Monte Roberto'],
    ['Monteroberto', '042029', 'Monte Roberto'],
    ['Montecarotto', '042026', 'Montecarotto'],
    ['San Marcello', '042041', 'San Marcello'],
    ['Serra San Quirico', '042047', 'Serra San Quirico'],
    ['Falconara Marittima', '042018', 'Falconara Marittima'],
    ['Ancona', '042002', 'Ancona'],
    ['Jesi', '042021', 'Jesi'],
    ['Pianello Vallesina', '042029', 'Monte Roberto'],
    ['Marina di Montemarciano', '042027', 'Montemarciano'],
    ['Passo Varano', '042002', 'Ancona'],
    ['Castelferretti', '042018', 'Falconara Marittima'],
    ['Forli', '040012', 'Forlì'],
    ['Bozen', '021008', 'Bolzano/Bozen'],
  ];

  it.each(cases)('%s -> %s (%s)', (input, istat, name) => {
    expect(resolveComuneName(input)).toMatchObject({ istat, name });
  });

  it('requires an exact name, not a prefix', () => {
    expect(resolveComuneName('Maiolati')).toBeUndefined();
    expect(resolveComuneName('')).toBeUndefined();
    expect(resolveComuneName('Atlantide')).toBeUndefined();
  });

  it('prefers comuni over frazioni with the same name', () => {
    // Montepulciano is a comune (SI) and also a frazione of Filottrano (AN)
    expect(resolveComuneName('Montepulciano')).toMatchObject({ province: 'SI' });
    expect(resolveComuneName('Montepulciano', 'AN')).toMatchObject({ istat: '042019', name: 'Filottrano' });
  });

  it('returns undefined for ambiguous names unless the province or the accents decide', () => {
    expect(resolveComuneName('Samone')).toBeUndefined(); // TO and TN
    expect(resolveComuneName('Samone', 'TN')?.istat).toMatch(/^022/);
    expect(resolveComuneName('Samone (TO)')?.province).toBe('TO');
    expect(resolveComuneName('Paternò')?.province).toBe('CT');
    expect(resolveComuneName('Paterno')?.province).toBe('PZ');
    expect(resolveComuneName('Santa Lucia')).toBeUndefined(); // frazione of Jesi and of Monte San Vito
    expect(resolveComuneName('Moie (AN)')?.istat).toBe('042023');
    expect(resolveComuneName('Moie', 'MI')).toBeUndefined();
  });
});

describe('frazioni', () => {
  it('covers the Vallesina around Jesi', () => {
    expect(listFrazioni('042023').map((f) => f.name)).toContain('Moie');
    expect(listFrazioni('042029').map((f) => f.name)).toContain('Pianello Vallesina');
    expect(listFrazioni('042021').length).toBeGreaterThan(3);
    expect(listFrazioni('999999')).toEqual([]);
  });

  it('points only to existing comuni of the province of Ancona', () => {
    for (const istat of ['042002', '042017', '042034', '042045']) {
      for (const f of listFrazioni(istat)) expect(findComune(f.istat)?.province).toBe('AN');
    }
  });
});

describe('REFERENCE_DATA_SOURCES', () => {
  it('documents source, licence and date of every data set', () => {
    for (const source of Object.values(REFERENCE_DATA_SOURCES)) {
      expect(source.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source.licence.length).toBeGreaterThan(0);
      expect(source.url).toMatch(/^https:\/\//);
      expect(source.via.length).toBeGreaterThan(0);
    }
    expect(REFERENCE_DATA_SOURCES.countries.referenceDate).toBe('2023-12-31');
  });
});
