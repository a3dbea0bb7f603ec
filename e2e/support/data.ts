/** The people and accounts of the e2e run (a fresh database each run). */
import type { NewPerson } from '../pages/personFormPage.js';
import type { SetupDetails } from '../pages/setupPage.js';
import type { NewUser } from '../pages/usersPage.js';

export const ADMIN: SetupDetails = {
  organisationName: 'Comune di Jesi',
  centreCode: 'JESI',
  centreName: 'Centro Servizi per l’Integrazione di Jesi',
  comune: { search: 'Jesi', option: 'Jesi (AN)' },
  displayName: 'Giulia Ferretti',
  email: 'giulia.ferretti@comune.jesi.example',
  password: 'una frase lunga per lo sportello',
};

export const OPERATOR: NewUser = {
  displayName: 'Marco Rinaldi',
  email: 'marco.rinaldi@comune.jesi.example',
  role: 'Operatore',
  password: 'accoglienza tutti i giorni',
};

export const VIEWER: NewUser = {
  displayName: 'Lucia Bianchi',
  email: 'lucia.bianchi@regione.marche.example',
  role: 'Consultazione',
  password: 'solo numeri aggregati',
};

/** A second centre of the organisation, and an operator who works in both. */
export const SECOND_CENTRE = { code: 'MOIE', name: 'Sportello di Moie' };

export const TWO_CENTRES_OPERATOR: NewUser = {
  displayName: 'Sara Moretti',
  email: 'sara.moretti@comune.jesi.example',
  role: 'Operatore',
  password: 'due sportelli una settimana',
};

export const MOHAMED: NewPerson = {
  givenNames: 'Mohamed',
  familyNames: 'Benaïssa',
  gender: 'Uomo',
  citizenship: 'Marocco',
  birthDate: '1990-03-15',
  residence: { search: 'Moie', comune: 'Maiolati Spontini' },
};

/** Same family name and birth date, another transliteration of the given name. */
export const MUHAMMAD: NewPerson = {
  givenNames: 'Muhammad',
  familyNames: 'Benaïssa',
  gender: 'Uomo',
  citizenship: 'Marocco',
  birthDate: '1990-03-15',
};

/** Registered from the front desk's "Nuova persona", with the name typed in the search. */
export const AMINA: NewPerson = {
  givenNames: 'Amina',
  familyNames: 'Diallo',
  gender: 'Donna',
  citizenship: 'Senegal',
  birthDate: '1994-11-08',
};

/** Registered by the operator of two centres, in the second one. */
export const OLENA: NewPerson = {
  givenNames: 'Olena',
  familyNames: 'Kovalenko',
  gender: 'Donna',
  citizenship: 'Ucraina',
  birthDate: '1979-04-21',
};

export const fullName = (p: NewPerson) => `${p.familyNames} ${p.givenNames}`;

export const ANONYMOUS_VISITOR = { gender: 'Donna', citizenship: 'Romania', ageBand: '30-44 anni' };

export const NEW_TOPIC = { code: 'mediazione', labelIt: 'Mediazione culturale', labelEn: 'Cultural mediation' };

/** People in care (03-care-journey): a woman met at the desk as an anonymous visitor, and her husband. */
export const BLESSING: NewPerson = {
  givenNames: 'Blessing',
  familyNames: 'Okafor',
  gender: 'Donna',
  citizenship: 'Nigeria',
  birthDate: '1988-06-02',
  residence: { search: 'Monsano', comune: 'Monsano' },
};

export const CHINEDU: NewPerson = {
  givenNames: 'Chinedu',
  familyNames: 'Okafor',
  gender: 'Uomo',
  citizenship: 'Nigeria',
  birthDate: '1984-01-20',
};

/** The accessibility pass of the care pages (04-care-accessibility) seeds their files through the API. */
export const ANA = { givenNames: 'Ana', familyNames: 'Popescu', gender: 'female', citizenship: 'RO', birthDate: '1979-09-12' };

export const ION = { givenNames: 'Ion', familyNames: 'Popescu', gender: 'male', citizenship: 'RO', birthDate: '1976-02-03' };

/** The calendar and the activities (05-calendar-courses-journey): the coordinator of the centre runs them. */
export const COORDINATOR: NewUser = {
  displayName: 'Elena Santini',
  email: 'elena.santini@comune.jesi.example',
  role: 'Coordinatore',
  password: 'il calendario del centro',
};

/** The learners of the language club (created through the API, as the desk registered them). */
export const FATIMA = {
  givenNames: 'Fatima Zahra',
  familyNames: 'El Idrissi',
  gender: 'female',
  citizenship: 'MA',
  birthDate: '1995-07-19',
};

export const TESFAYE = { givenNames: 'Tesfaye', familyNames: 'Bekele', gender: 'male', citizenship: 'ET', birthDate: '1992-02-11' };

export const OKSANA = { givenNames: 'Oksana', familyNames: 'Melnyk', gender: 'female', citizenship: 'UA', birthDate: '1987-10-30' };

/** Asked for an Italian course at the desk: on the waiting list, then placed into the club. */
export const RAHIM = { givenNames: 'Rahim', familyNames: 'Ahmadi', gender: 'male', citizenship: 'AF', birthDate: '2001-05-04' };

export const apiPersonName = (p: { givenNames: string; familyNames: string }) => `${p.familyNames} ${p.givenNames}`;
