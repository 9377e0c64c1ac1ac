'use strict';
// Raw HTML in content (the links branch): links to raw-HTML anchors (`<a id>`, `<a name>`,
// `<span id>`) take the reader there; footnotes have their own ids (`fn-`, `fnref-`), so a note
// and a heading of the same name never share one, and the note's ↩ link leads back; MkDocs
// `md_in_html` (`<div class="grid cards" markdown>`, `<figure markdown="span">`) renders its
// Markdown and drops the attribute; an image's `{ width="10" }` becomes its attribute. A site built from an MkDocs fixture written here with the
// real binary; it passes the Nu Html Checker and axe.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');

const INDEX = [
  '# Raw HTML',
  '',
  '[To export](#export) · [Named](#named) · [Other spot](other.md#spot)',
  '',
  'Bordin described it[^bordin].',
  '',
  '<a id="export"></a>',
  '## `export` function',
  '',
  'Text.',
  '',
  '## Bordin',
  '',
  'About Bordin; see [the section](#bordin).',
  '',
  '<a name="named"></a>',
  'Named spot.',
  '',
  '<div class="grid cards" markdown>',
  '',
  '-   __Fast__',
  '',
  '    Text with [a link](other.md)',
  '',
  '</div>',
  '',
  '<figure markdown="span">',
  '  ![A square](pic.svg){ width="10" }',
  '  <figcaption>Caption</figcaption>',
  '</figure>',
  '',
  '[^bordin]: Bordin, E. S. (1979).',
  '',
].join('\n');

const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'src');
    lib.writeFiles(root, {
      'mkdocs.yml': 'site_name: Raw HTML\nmarkdown_extensions:\n  - md_in_html\n  - footnotes\n',
      'docs/index.md': INDEX,
      'docs/other.md': '# Other\n\n<span id="spot">The spot.</span>\n',
      'docs/pic.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
    });
    return root;
  },
});

/** The id of the element the URL's fragment targets (`:target`), or null. */
function targetId(page) {
  return page.evaluate(() => document.querySelector(':target')?.id || null);
}

test('links to raw-HTML anchors, footnotes and back reach their elements', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at('index.html'));
    assert.equal(await page.evaluate(() => document.querySelectorAll('a[name]').length), 0, '<a name> is written as <a id>');
    await page.click('a[href="#named"]');
    await page.waitForFunction(() => location.hash === '#named');
    assert.equal(await targetId(page), 'named');
    await page.click('a[href="#export"]');
    await page.waitForFunction(() => location.hash === '#export');
    assert.equal(await targetId(page), 'export');
    await page.click('sup.footnote-reference a');
    await page.waitForFunction(() => location.hash === '#fn-bordin');
    assert.equal(await targetId(page), 'fn-bordin');
    assert.equal(
      await page.evaluate(() => document.querySelector(':target').textContent.includes('Bordin, E. S. (1979).')),
      true,
      'the reference leads to the note, not the heading',
    );
    await page.click('a.footnote-backref');
    await page.waitForFunction(() => location.hash === '#fnref-bordin');
    assert.equal(await page.evaluate(() => document.querySelector(':target').matches('sup.footnote-reference')), true);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[id="bordin"]').length), 1);
    await page.click('a[href="other.html#spot"]');
    await page.waitForFunction(() => location.pathname.endsWith('/other.html') && document.querySelector(':target')?.id === 'spot');
  });
});

test('md_in_html renders the Markdown and leaves no markdown attribute', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at('index.html'));
    const found = await page.evaluate(() => ({
      attributes: document.querySelectorAll('[markdown]').length,
      card: document.querySelector('.grid.cards li strong')?.textContent,
      link: document.querySelector('.grid.cards a')?.getAttribute('href'),
      image: document.querySelector('figure > img')?.getAttribute('alt'),
      width: document.querySelector('figure > img')?.getAttribute('width'),
      rawText: /!\[|\{/.test(document.querySelector('figure').textContent),
    }));
    assert.deepEqual(found, { attributes: 0, card: 'Fast', link: 'other.html', image: 'A square', width: '10', rawText: false });
    lib.assertNoViolations(await lib.axe(page), 'index.html');
  });
});

test('the site passes the Nu Html Checker', { timeout: 180_000 }, () => {
  const errors = lib.vnuErrors(env.site);
  lib.assertNone(errors, `vnu found ${errors.length} error(s)`);
});
