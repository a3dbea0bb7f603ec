/**
 * The English field messages written inline in the sources (for the test that there are none:
 * every message goes through its code in src/contracts/messages/):
 * the custom messages of src/contracts' zod schemas, the use cases' validation errors in
 * src/modules, and the domain's `…Problem(s)` functions whose texts use cases pass on.
 * Template literals come back with each ${…} as {}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const LITERAL = String.raw`('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|\`(?:\\.|\$\{[^}]*\}|[^\`\\])*\`)`;
/** `message: '…'` and `error: '…'` (refine options, field errors, domain problems). */
const KEYED = new RegExp(String.raw`\b(?:message|error)\s*:\s*${LITERAL}`, 'g');
/** zod checks with the message as their last argument: .regex(/…/, '…'), .min(1, '…'), .refine(fn, '…'). */
const CHECK_ARGUMENT = new RegExp(
  String.raw`\.(?:regex|min|max|length|refine|nonempty|startsWith|endsWith|includes)\([^'"\`\n]*?,\s*${LITERAL}\s*\)`,
  'g',
);
/** A function (or arrow function) named …Problem or …Problems, up to its end or the next declaration. */
const PROBLEM_FUNCTION =
  /^(?:export )?(?:function \w+Problems?\b|const \w+Problems? = )[\s\S]*?(?=^(?:\}|export\b|const\b|function\b|type\b|interface\b|\/\*\*))/gm;
const SENTENCE = new RegExp(LITERAL, 'g');

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return literal.startsWith('`') ? body.replace(/\$\{[^}]*\}/g, '{}') : body.replace(/\\(.)/g, '$1');
}

function sourceFiles(dir: string, recursive: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return recursive ? sourceFiles(path, true) : [];
    // An area's errors (<area>.errors.ts) carry the problem's English detail, not a field message.
    const isSource = entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.errors.ts');
    return isSource ? [path] : [];
  });
}

export function scanFieldMessages(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (message: string, where: string) => found.set(message, [...(found.get(message) ?? []), where]);
  const files = [
    ...sourceFiles(join(root, 'src/contracts'), false),
    ...sourceFiles(join(root, 'src/modules'), true),
    ...sourceFiles(join(root, 'src/domain'), true),
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const where = relative(root, file);
    for (const match of text.matchAll(KEYED)) add(unquote(match[1] as string), where);
    for (const match of text.matchAll(CHECK_ARGUMENT)) add(unquote(match[1] as string), where);
    for (const fn of text.matchAll(PROBLEM_FUNCTION)) {
      for (const literal of fn[0].matchAll(SENTENCE)) {
        const message = unquote(literal[1] as string);
        // Sentences only: not the codes, dates and keys a problem function may also hold.
        if (/^[A-Z][^\n]* /.test(message)) add(message, where);
      }
    }
  }
  return found;
}

/** What a zod schema or check keeps of its definition (zod 4: `_zod.def`). */
interface ZodInternals {
  _zod: { def: Record<string, unknown> };
}

const isZod = (value: unknown): value is ZodInternals =>
  typeof value === 'object' && value !== null && '_zod' in value && typeof (value as ZodInternals)._zod?.def === 'object';

/**
 * The custom messages of zod schemas, found at run time: every schema and check reachable from
 * the exports given (objects' shapes, arrays' elements, optionals, pipes, unions, refinements…)
 * whose definition has its own `error` (zod keeps `message`/`error` params there; its default
 * messages are not). Messages added by superRefine's ctx.addIssue are not in any definition:
 * the source scan finds those.
 */
export function schemaMessages(exports: Iterable<unknown>): Set<string> {
  const messages = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isZod(value)) {
      // A plain record of schemas (an object's shape, a module's exports).
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) for (const item of Object.values(value)) visit(item);
      return;
    }
    const def = value._zod.def;
    if (typeof def.error === 'function') {
      const message = (def.error as (issue: unknown) => unknown)({ code: 'custom', path: [], input: undefined });
      if (typeof message === 'string') messages.add(message);
    }
    for (const [key, child] of Object.entries(def)) {
      if (key === 'error' || key === 'fn' || key === 'transform') continue;
      visit(child);
    }
    // Lazy schemas and object shapes may be getters.
    if (typeof def.getter === 'function') visit((def.getter as () => unknown)());
  };
  for (const value of exports) visit(value);
  return messages;
}
