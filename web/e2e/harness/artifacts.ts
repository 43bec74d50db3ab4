import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server';

/** Screenshots and figures of the end-to-end run (git-ignored). */
export const artifactsDir = join(repoRoot, 'artifacts/e2e');
mkdirSync(artifactsDir, { recursive: true });

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  // Let fonts and the last render settle, so the picture is what a person sees.
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Sticky panels sit where the last scroll left them: start from the top for a full-page picture.
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });
}

export function writeFigure(name: string, value: unknown): void {
  writeFileSync(join(artifactsDir, `${name}.json`), JSON.stringify(value, null, 2) + '\n');
}
