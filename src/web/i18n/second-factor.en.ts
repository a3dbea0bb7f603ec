import type { secondFactorIt } from './second-factor.it.js';

/** English messages of the second factor (merged into en.ts). */
export const secondFactorEn: Record<keyof typeof secondFactorIt, string> = {
  'login.code': 'Verification code',
  'login.codeHint': 'The 6 digits your authenticator app shows. Without your phone, type one of your recovery codes.',

  'account.secondFactor.title': 'Two-step verification',
  'account.secondFactor.intro':
    'Besides the password, logging in asks for a 6-digit code made by an authenticator app on your phone (for example FreeOTP, Google Authenticator or Microsoft Authenticator).',
  'account.secondFactor.on': 'Two-step verification is on. Recovery codes left: {count}.',
  'account.secondFactor.off': 'Two-step verification is off.',
  'account.secondFactor.required': 'Your organisation requires two-step verification for your role: turn it on to go on.',
  'account.secondFactor.setUp': 'Turn on two-step verification',
  'account.secondFactor.scan':
    'Scan the QR code with your authenticator app, or type the key below into it. Then type the code the app shows.',
  'account.secondFactor.qrAlt': 'QR code to scan with the authenticator app',
  'account.secondFactor.secret': 'Key to type in by hand',
  'account.secondFactor.code': 'Verification code',
  'account.secondFactor.confirm': 'Confirm and turn on',
  'account.secondFactor.cancel': 'Cancel',
  'account.secondFactor.enabled': 'Two-step verification is on.',
  'account.secondFactor.recoveryTitle': 'Recovery codes',
  'account.secondFactor.recoveryWarning':
    'Keep these codes somewhere safe (print or copy them): each works once and lets you log in if you lose your phone. They will not be shown again.',
  'account.secondFactor.recoveryDone': 'I have kept the codes',
  'account.secondFactor.turnOff': 'Turn off two-step verification',
  'account.secondFactor.turnOffHint': 'Turning it off needs your password and a verification (or recovery) code.',
  'account.secondFactor.password': 'Password',
  'account.secondFactor.turnedOff': 'Two-step verification turned off.',
  'account.secondFactor.mandatory': 'Your organisation requires it for your role: it cannot be turned off.',

  'users.resetSecondFactor': 'Reset two-step verification',
  'users.resetSecondFactorConfirm':
    'Reset the two-step verification of {name}? Their next login needs only the password; if their role requires it, they must turn it on again.',
  'users.secondFactorReset': 'Two-step verification reset.',
  'users.secondFactorPolicy.title': 'Required two-step verification',
  'users.secondFactorPolicy.intro':
    'Whoever has one of the chosen roles must turn on two-step verification: until they do, the app takes them to My account.',
  'users.secondFactorPolicy.roles': 'Roles that must use it',
  'users.secondFactorPolicy.save': 'Save',
  'users.secondFactorPolicy.saved': 'Setting saved.',

  'error.auth.second_factor_required': 'Type the verification code of your authenticator app, or a recovery code.',
  'error.auth.second_factor_invalid': 'The verification code is not right.',
  'error.auth.second_factor_reused': 'This verification code was used already: wait for the next one.',
  'error.auth.second_factor_wrong_code': 'The verification code is not right.',
  'error.auth.second_factor_not_set_up': 'First create the two-step verification key.',
  'error.auth.second_factor_already_on': 'Two-step verification is on already.',
  'error.auth.second_factor_not_on': 'Two-step verification is not on.',
  'error.auth.second_factor_mandatory': 'Your organisation requires two-step verification for your role.',
  'error.auth.second_factor_session_only': 'Two-step verification is set up from the browser, not with an API token.',
};
