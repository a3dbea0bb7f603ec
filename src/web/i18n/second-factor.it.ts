/** Italian messages of the second factor: login, Il mio account, the users page (merged into the master dictionary in it.ts). */
export const secondFactorIt = {
  'login.code': 'Codice di verifica',
  'login.codeHint': 'Le 6 cifre mostrate dall’app di autenticazione. Se non hai il telefono, scrivi uno dei codici di recupero.',

  'account.secondFactor.title': 'Verifica in due passaggi',
  'account.secondFactor.intro':
    'Oltre alla password, all’accesso viene chiesto un codice di 6 cifre generato da un’app di autenticazione sul telefono (per esempio FreeOTP, Google Authenticator o Microsoft Authenticator).',
  'account.secondFactor.on': 'La verifica in due passaggi è attiva. Codici di recupero ancora validi: {count}.',
  'account.secondFactor.off': 'La verifica in due passaggi non è attiva.',
  'account.secondFactor.required': 'La tua organizzazione richiede la verifica in due passaggi per il tuo ruolo: attivala per continuare.',
  'account.secondFactor.setUp': 'Attiva la verifica in due passaggi',
  'account.secondFactor.scan':
    'Inquadra il codice QR con l’app di autenticazione, oppure inserisci a mano la chiave qui sotto. Poi scrivi il codice che l’app mostra.',
  'account.secondFactor.qrAlt': 'Codice QR da inquadrare con l’app di autenticazione',
  'account.secondFactor.secret': 'Chiave da inserire a mano',
  'account.secondFactor.code': 'Codice di verifica',
  'account.secondFactor.confirm': 'Conferma e attiva',
  'account.secondFactor.cancel': 'Annulla',
  'account.secondFactor.enabled': 'Verifica in due passaggi attiva.',
  'account.secondFactor.recoveryTitle': 'Codici di recupero',
  'account.secondFactor.recoveryWarning':
    'Conserva questi codici in un luogo sicuro (stampali o copiali): ognuno vale una volta sola e serve per accedere se perdi il telefono. Non verranno mostrati di nuovo.',
  'account.secondFactor.recoveryDone': 'Ho conservato i codici',
  'account.secondFactor.turnOff': 'Disattiva la verifica in due passaggi',
  'account.secondFactor.turnOffHint': 'Per disattivarla servono la password e un codice di verifica (o di recupero).',
  'account.secondFactor.password': 'Password',
  'account.secondFactor.turnedOff': 'Verifica in due passaggi disattivata.',
  'account.secondFactor.mandatory': 'La tua organizzazione la richiede per il tuo ruolo: non si può disattivare.',

  'users.resetSecondFactor': 'Azzera la verifica in due passaggi',
  'users.resetSecondFactorConfirm':
    'Azzerare la verifica in due passaggi di {name}? Al prossimo accesso basterà la password; se il ruolo la richiede, dovrà attivarla di nuovo.',
  'users.secondFactorReset': 'Verifica in due passaggi azzerata.',
  'users.secondFactorPolicy.title': 'Verifica in due passaggi obbligatoria',
  'users.secondFactorPolicy.intro':
    'Chi ha uno dei ruoli scelti deve attivare la verifica in due passaggi: finché non lo fa, l’app lo porta alla pagina Il mio account.',
  'users.secondFactorPolicy.roles': 'Ruoli che devono usarla',
  'users.secondFactorPolicy.save': 'Salva',
  'users.secondFactorPolicy.saved': 'Impostazione salvata.',

  'error.auth.second_factor_required': 'Inserisci il codice di verifica dell’app di autenticazione, o un codice di recupero.',
  'error.auth.second_factor_invalid': 'Il codice di verifica non è corretto.',
  'error.auth.second_factor_reused': 'Questo codice di verifica è già stato usato: attendi il successivo.',
  'error.auth.second_factor_wrong_code': 'Il codice di verifica non è corretto.',
  'error.auth.second_factor_not_set_up': 'Prima genera la chiave della verifica in due passaggi.',
  'error.auth.second_factor_already_on': 'La verifica in due passaggi è già attiva.',
  'error.auth.second_factor_not_on': 'La verifica in due passaggi non è attiva.',
  'error.auth.second_factor_mandatory': 'La tua organizzazione richiede la verifica in due passaggi per il tuo ruolo.',
  'error.auth.second_factor_session_only': 'La verifica in due passaggi si imposta dal browser, non con un token API.',
} as const;
