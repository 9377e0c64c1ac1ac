'use strict';
// The interface language in the browser (issue 18): a handbook in Spanish whose own
// i18n/es.toml changes a few strings; the theme's scripts read them from i18n.js (loaded
// before every other script, over http and file://): the search dialog's label and its
// plural result count, the heading's copy-link button, numbers with the decimal comma.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');
const { pathToFileURL } = require('node:url');

/** One file below `root` (lib.writeFiles for a single path). */
const write = (root, rel, text) => lib.writeFiles(root, { [rel]: text });

const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'hb');
    write(root, 'handbook.toml', 'title = "Manual"\nid = "manual"\nlanguage = "es"\n');
    write(root, 'content/_index.md', '# Inicio\n\nLa alianza terapéutica.\n');
    write(root, 'content/alianza.md', '# Alianza\n\n## Vínculo\n\nLa alianza y el vínculo.\n\n## Metas\n\nTexto.\n');
    write(root, 'i18n/es.toml', [
      '[meta]',
      'decimal_separator = ","',
      'thousands_separator = "."',
      '[page]',
      'copy_link = "Copiar el enlace a «{title}»"',
      '[search]',
      'label = "Buscar en el manual"',
      'results = { one = "{count} resultado.", other = "{count} resultados." }',
      '',
    ].join('\n'));
    return root;
  },
});

async function checkPage(page, url) {
  await lib.visit(page, url);
  const data = await page.evaluate(() => window.HANDBOOK_I18N && {
    lang: window.HANDBOOK_I18N.lang, decimal: window.HANDBOOK_I18N.decimal,
  });
  assert.deepEqual(data, { lang: 'es', decimal: ',' });
  await page.getByRole('button', { name: 'Copiar el enlace a «Vínculo»' }).waitFor();
  await page.locator('.search-button').click();
  const input = page.getByRole('searchbox', { name: 'Buscar en el manual' });
  await input.fill('alianza');
  await page.locator('.search-status', { hasText: /^2 resultados\.$/ }).waitFor();
  await input.fill('metas');
  await page.locator('.search-status', { hasText: /^1 resultado\.$/ }).waitFor();
}

test('scripts speak the handbook language: search dialog, plural counts, copy-link buttons', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await checkPage(page, env.server.at('alianza.html'));
  });
});

test('the strings load from file:// too', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await checkPage(page, pathToFileURL(path.join(env.site, 'alianza.html')).href);
  });
});
