/** Italian messages of signing in through the Comune's identity provider: login, users page (merged into the master dictionary in it.ts). */
export const signInIt = {
  'login.sso': 'Entra con l’identità del Comune',
  'login.ssoIntro': 'Accedi con le credenziali che usi per i servizi del Comune (SPID, CIE o account istituzionale).',
  'login.or': 'oppure',
  'login.breakGlass': 'Accesso con password (solo amministratore di emergenza)',
  'login.breakGlassHint':
    'Le password sono disattivate per tutti tranne l’amministratore di emergenza, che le usa se il servizio di identità non è raggiungibile.',

  'users.fiscalCode': 'Codice fiscale',
  'users.fiscalCodeHint': 'Serve per riconoscere la persona quando accede con SPID o CIE.',
  'users.passwordOptional': 'Senza password, l’utente accede solo con l’identità del Comune.',
  'users.ssoBound': 'Collegato all’identità del Comune',
  'users.setFiscalCode': 'Codice fiscale',

  'users.signIn.title': 'Accesso con l’identità del Comune',
  'users.signIn.notConfigured':
    'Il servizio di identità del Comune (OpenID Connect) non è configurato su questo server: l’amministratore di sistema lo imposta con le variabili OIDC_* (vedi il README).',
  'users.signIn.configured': 'Il servizio di identità del Comune è configurato: il pulsante di accesso compare nella pagina di accesso.',
  'users.signIn.createsAccounts':
    'Crea un account a chi accede con l’identità del Comune e non ne ha uno (come consultatore, senza centri, finché qualcuno non assegna di più)',
  'users.signIn.passwords': 'Accesso con password',
  'users.signIn.everyone': 'Consentito a tutti',
  'users.signIn.breakGlassOnly': 'Solo per l’amministratore di emergenza',
  'users.signIn.breakGlassUser': 'Amministratore di emergenza',
  'users.signIn.breakGlassHint':
    'Un amministratore attivo con una password: potrà entrare anche se il servizio di identità non è raggiungibile.',
  'users.signIn.none': '— nessuno —',
  'users.signIn.save': 'Salva le regole di accesso',
  'users.signIn.saved': 'Regole di accesso salvate.',

  'error.auth.sso_not_configured': 'L’accesso con l’identità del Comune non è configurato.',
  'error.auth.sso_unavailable': 'Il servizio di identità del Comune non risponde: riprova più tardi.',
  'error.auth.sso_state_invalid': 'Questo accesso non è valido o è scaduto: ricomincia dal pulsante.',
  'error.auth.sso_refused': 'Il servizio di identità del Comune non ha confermato chi sei: riprova.',
  'error.auth.sso_no_account': 'Non esiste un account Approdo per questa identità: chiedi all’amministratore.',
  'error.auth.sso_ambiguous':
    'L’e-mail e il codice fiscale di questa identità appartengono a due account diversi: chiedi all’amministratore.',
  'error.auth.sso_bound_elsewhere': 'L’account Approdo con questi dati è collegato a un’altra identità: chiedi all’amministratore.',
  'error.auth.sso_account_inactive': 'Il tuo account Approdo è disattivato: chiedi all’amministratore.',
  'error.auth.sso_needed': 'Configura prima il servizio di identità del Comune, poi disattiva le password.',
  'error.auth.password_sign_in_off': 'Accedi con l’identità del Comune: per il tuo account le password sono disattivate.',
  'error.auth.break_glass_not_admin': 'L’amministratore di emergenza deve essere un amministratore attivo con una password.',
};
