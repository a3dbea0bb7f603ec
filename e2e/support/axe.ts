import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now. Serious and critical
 * violations fail the test; minor and moderate ones are printed and attached to the report.
 */
export async function expectNoSeriousA11yViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summarise = (v: (typeof results.violations)[number]) =>
    `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`;
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const others = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  for (const v of others) console.log(`[axe] ${name}: ${summarise(v)}`);
  if (results.violations.length > 0) {
    await test.info().attach(`axe ${name}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  }
  expect(blocking.map(summarise), `serious or critical accessibility violations on ${name}`).toEqual([]);
}
