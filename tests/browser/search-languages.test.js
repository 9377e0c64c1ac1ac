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
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const lib = require('./lib');

// language -> { alliance: the page that must be found, other: a page that must not, queries }.
// Each query ends with a space: the last word is then matched as a whole word, never as a
// prefix, so the stemmer and the folding are what find the page.
const HANDBOOKS = {
  en: {
    alliance: 'Ruptures in the alliance are common, and most of them can be repaired when the therapist notices them. A naïve reassurance can feel dismissive to the client.',
    other: 'Keep recordings in a locked cabinet and delete them after supervision.',
    queries: ['repairing rupture ', 'naive '],
  },
  es: {
    alliance: 'La validación de las emociones del paciente fortalece la alianza terapéutica. Los terapeutas reparan las rupturas con curiosidad y sin ponerse a la defensiva.',
    other: 'Guarde las grabaciones en un armario cerrado y bórrelas después de la supervisión.',
    queries: ['ruptura ', 'emoción ', 'validacion ', 'terapeutica '],
  },
  fr: {
    alliance: "Les thérapeutes réparent les ruptures de l'alliance thérapeutique avec curiosité et écoutent le patient sans se justifier.",
    other: 'Conservez les enregistrements dans une armoire fermée et effacez-les après la supervision.',
    queries: ['rupture ', 'thérapeute ', 'therapeutique '],
  },
  de: {
    alliance: 'Die therapeutische Beziehung lebt von der Übereinstimmung über Ziele und Aufgaben. Brüche in der Allianz lassen sich reparieren, wenn die Therapeutin sie anspricht.',
    other: 'Bewahren Sie Aufnahmen in einem verschlossenen Schrank auf und löschen Sie sie nach der Supervision.',
    queries: ['Beziehungen ', 'ubereinstimmung '],
  },
  nl: {
    alliance: 'Cliënten voelen zich gehoord wanneer de samenwerking met de therapeut over gedeelde doelen gaat. Een breuk in de alliantie is te herstellen.',
    other: 'Bewaar opnames in een afgesloten kast en wis ze na de supervisie.',
    queries: ['samenwerken ', 'clienten '],
  },
  nb: {
    alliance: 'Terapeuten og klienten blir enige om målene, og samarbeidet blir sterkere når klienten føler seg hørt. Brudd i alliansen kan repareres.',
    other: 'Oppbevar opptak i et låst skap og slett dem etter veiledning.',
    queries: ['terapeutene ', 'samarbeid ', 'malene '],
  },
  el: {
    alliance: 'Η ψυχοθεραπεία στηρίζεται στη θεραπευτική συμμαχία ανάμεσα στον θεραπευτή και τον θεραπευόμενο.',
    other: 'Φυλάξτε τις ηχογραφήσεις σε κλειδωμένο ντουλάπι.',
    queries: ['θεραπευτές ', 'ψυχοθεραπεια '],
  },
  ru: {
    // Russian is often printed without ё: a query typed with it must still find the text.
    alliance: 'Терапевтический альянс помогает клиенту. Еще важнее обсуждать разрывы на каждой сессии.',
    other: 'Храните записи в запертом шкафу и удаляйте их после супервизии.',
    queries: ['терапевтического ', 'сессиях ', 'ещё '],
  },
  hi: {
    alliance: 'मनोचिकित्सा में चिकित्सकों और ग्राहकों के बीच सहयोग को चिकित्सीय गठबंधन कहते हैं।',
    other: 'रिकॉर्डिंग को बंद अलमारी में रखें।',
    queries: ['चिकित्सकों ', 'मनोचिकित्सा '],
  },
  zh: {
    alliance: '治疗联盟描述来访者与治疗师之间的合作。当来访者感到被倾听时，联盟就会增强。',
    other: '请把录音保存在上锁的柜子里。',
    // A phrase: all its bigrams; one character: the bigrams that start with it.
    queries: ['治疗联盟 ', '合作 ', '联 '],
  },
};

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
  const fs = require('node:fs');
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
