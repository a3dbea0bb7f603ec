import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { sendFailureOf } from './mailer.js';

describe('the reminders’ e-mail settings', () => {
  it('SMTP_URL and SMTP_FROM from the environment; without SMTP_URL, no e-mail', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(
      loadConfig({ SMTP_URL: 'smtp://approdo:segreto@mail.comune.example:587', SMTP_FROM: 'Approdo <approdo@comune.example>' }).smtp,
    ).toEqual({
      url: 'smtp://approdo:segreto@mail.comune.example:587',
      from: 'Approdo <approdo@comune.example>',
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.comune.example' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.comune.example', SMTP_FROM: 'a@b.c' })).toThrow();
  });

  it('a failure is kept as its code and the server’s reply code, never its text', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED smtp://approdo:segreto@127.0.0.1:25'), { code: 'ECONNECTION' });
    expect(sendFailureOf(refused)).toBe('ECONNECTION');
    expect(sendFailureOf(Object.assign(new Error('550 mailbox of Amina unavailable'), { code: 'EENVELOPE', responseCode: 550 }))).toBe(
      'EENVELOPE 550',
    );
    expect(sendFailureOf(new Error('anything'))).toBe('ESEND');
    expect(sendFailureOf({ code: 'segreto: password' })).toBe('ESEND');
  });
});
