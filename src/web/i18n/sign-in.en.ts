import type { signInIt } from './sign-in.it.js';

/** English messages of signing in through the Comune's identity provider (merged into the master dictionary in en.ts). */
export const signInEn: Record<keyof typeof signInIt, string> = {
  'login.sso': "Sign in with the Comune's identity",
  'login.ssoIntro': "Sign in with the credentials you use for the Comune's services (SPID, CIE or your work account).",
  'login.or': 'or',
  'login.breakGlass': 'Sign in with a password (break-glass administrator only)',
  'login.breakGlassHint':
    'Passwords are off for everyone but the break-glass administrator, who uses one when the identity service cannot be reached.',

  'users.fiscalCode': 'Codice fiscale',
  'users.fiscalCodeHint': 'Recognises the person when they sign in with SPID or CIE.',
  'users.passwordOptional': "Without a password, the user signs in only with the Comune's identity.",
  'users.ssoBound': "Linked to the Comune's identity",
  'users.setFiscalCode': 'Codice fiscale',

  'users.signIn.title': "Sign-in with the Comune's identity",
  'users.signIn.notConfigured':
    "The Comune's identity service (OpenID Connect) is not configured on this server: the system administrator sets it with the OIDC_* variables (see the README).",
  'users.signIn.configured': "The Comune's identity service is configured: its button shows on the login page.",
  'users.signIn.createsAccounts':
    "Create an account for someone who signs in with the Comune's identity and has none (as viewer of no centre, until someone grants more)",
  'users.signIn.passwords': 'Signing in with a password',
  'users.signIn.everyone': 'Allowed for everyone',
  'users.signIn.breakGlassOnly': 'Only for the break-glass administrator',
  'users.signIn.breakGlassUser': 'Break-glass administrator',
  'users.signIn.breakGlassHint':
    'An active administrator with a password: they can sign in even when the identity service cannot be reached.',
  'users.signIn.none': '— none —',
  'users.signIn.save': 'Save the sign-in rules',
  'users.signIn.saved': 'Sign-in rules saved.',

  'error.auth.sso_not_configured': "Signing in with the Comune's identity is not configured.",
  'error.auth.sso_unavailable': "The Comune's identity service does not answer: try again later.",
  'error.auth.sso_state_invalid': 'This sign-in is not valid or has expired: start again from the button.',
  'error.auth.sso_refused': "The Comune's identity service did not confirm who you are: try again.",
  'error.auth.sso_no_account': 'There is no Approdo account for this identity: ask your administrator.',
  'error.auth.sso_ambiguous': "This identity's e-mail and codice fiscale belong to two different accounts: ask your administrator.",
  'error.auth.sso_bound_elsewhere': 'The Approdo account with these details is linked to another identity: ask your administrator.',
  'error.auth.sso_account_inactive': 'Your Approdo account is deactivated: ask your administrator.',
  'error.auth.sso_needed': "Configure the Comune's identity service first, then turn passwords off.",
  'error.auth.password_sign_in_off': "Sign in with the Comune's identity: passwords are off for your account.",
  'error.auth.break_glass_not_admin': 'The break-glass administrator must be an active administrator with a password.',
};
