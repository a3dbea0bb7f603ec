/**
 * A field message: a stable code with its text in both languages. `{name}` stands for a
 * parameter the error carries (`params`); a `{date}` is ISO in English, and the web app shows
 * it as an Italian date.
 */
export interface MessageTexts {
  en: string;
  it: string;
}

export type Messages = Record<string, MessageTexts>;

/** The values a message's placeholders take. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The text with its placeholders filled; `format` may present a value (e.g. dates in Italian). */
export function fillMessage(
  text: string,
  params: MessageParams = {},
  format: (name: string, value: string | number) => string = (_, value) => String(value),
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? format(name, params[name] as string | number) : whole));
}
