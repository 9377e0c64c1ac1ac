'use strict';
// Search per language (issue 18): for each shipped language a small handbook written in it,
// where an inflected form and a form typed without its accents must find the page on the
// therapeutic alliance (the Snowball stemmer of the language and accent folding, the same in
// the index and in search.js); Greek, Cyrillic and Devanagari words and a Chinese phrase
// (bigrams) likewise. Every query runs over http (under a sub-path) and from file://. The
// dialog is driven by roles and the `handbook:search-results` event, not by its interface
// strings, which are in the handbook's language.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const lib = require('./lib');

// search-languages.json: language -> { alliance: the page that must be found, other: a page
// that must not, queries, and a note where a case needs one }. Each query ends with a space:
// the last word is then matched as a whole word, never as a prefix, so the stemmer and the
// folding are what find the page.
const HANDBOOKS = JSON.parse(fs.readFileSync(path.join(__dirname, 'search-languages.json'), 'utf8'));

const sites = {}; // language -> { dir, server }

const env = lib.suite({
  site: null,
  setup: async ({ tmp, serve }) => {
    for (const [language, h] of Object.entries(HANDBOOKS)) {
      const root = path.join(tmp, language);
      lib.writeFiles(root, {
        'handbook.toml': `title = "Handbook ${language}"\nlanguage = "${language}"\n`,
        'content/_index.md': `# ${language}\n\n${h.other}\n`,
        'content/alliance.md': `# ${language} 1\n\n${h.alliance}\n`,
        'content/other.md': `# ${language} 2\n\n${h.other}\n`,
      });
      const dir = path.join(tmp, `site-${language}`);
      lib.buildSite(root, dir, { args: ['--quiet'] });
      sites[language] = { dir, server: await serve(dir) };
    }
  },
});

/** Opens the search dialog on `url` and returns a function that runs one query: the paths of
 * its results, once search.js reported them for that very query, and the words highlighted
 * in the first result. */
async function openSearch(page, url) {
  await lib.visit(page, url);
  await page.locator('[data-search-open]').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  await dialog.evaluate((d) => {
    d.addEventListener('handbook:search-results', (e) => { window.hbLastSearch = e.detail; });
  });
  return async (query) => {
    await dialog.getByRole('searchbox').fill(query);
    await lib.poll(() => page.evaluate((q) => (window.hbLastSearch || {}).query === q, query), 5000);
    const links = dialog.locator('#hb-search-results a');
    const paths = await links.evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    const marked = paths.length ? await links.first().locator('mark').allTextContents() : [];
    return { paths, marked };
  };
}

for (const over of ['http', 'file://']) {
  test(`each language's inflected and unaccented words find its page (${over})`, async () => {
    const failures = [];
    for (const [language, h] of Object.entries(HANDBOOKS)) {
      const site = sites[language];
      const base = over === 'http' ? site.server.url : pathToFileURL(site.dir).href + '/';
      await lib.withPage(env.browser, {}, async ({ page }) => {
        const search = await openSearch(page, base + 'other.html');
        for (const query of h.queries) {
          const { paths: found, marked } = await search(query);
          if (!found.length || !found[0].endsWith('/alliance.html')) {
            failures.push(`${language} "${query.trim()}": ${JSON.stringify(found)}`);
          }
          if (found.some((p) => p.endsWith('/other.html'))) {
            failures.push(`${language} "${query.trim()}" also found the unrelated page: ${JSON.stringify(found)}`);
          }
          // The words of the text that matched are highlighted, whatever their form.
          if (found.length && !marked.length) failures.push(`${language} "${query.trim()}": nothing highlighted`);
        }
      });
    }
    assert.deepEqual(failures, [], failures.join('\n'));
  });
}

test('only the language\'s own stemmer is in its search.js', () => {
  const js = (language) => fs.readFileSync(path.join(sites[language].dir, 'assets', 'js', 'search.js'), 'utf8');
  assert.match(js('es'), /Snowball Spanish/);
  assert.doesNotMatch(js('es'), /Snowball (French|German|Greek)/);
  assert.match(js('nb'), /Snowball Norwegian/);
  assert.match(js('en'), /Snowball English \(Porter2\)/);
  assert.doesNotMatch(js('en'), /snowball-stemmers 0\.6\.0/);
  assert.match(js('zh'), /language without a Snowball stemmer/);
  for (const language of Object.keys(HANDBOOKS)) {
    assert.ok(!fs.existsSync(path.join(sites[language].dir, 'assets', 'js', 'search')),
      `${language}: the stemmer parts are written alone under assets/js/search/`);
  }
});
