import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe-core finds against WCAG 2.0/2.1 A and AA on the page as it is now (contrast, names, roles,
 * labels, language…): one line per rule broken, with up to three of the elements that break it.
 * Automated checks catch part of WCAG only; keyboard use and live regions are tested by the scenario.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's devtools protocol, not as a <script> tag: the app's Content-Security-Policy
  // refuses inline scripts, and the test must not weaken it to look at the page.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return results.violations.map(
    v => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`,
  );
}
