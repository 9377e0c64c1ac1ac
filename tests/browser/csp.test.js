'use strict';
// Content-Security-Policy (issue 19): every generated page carries a strict policy in a
// <meta http-equiv> (scripts and styles only from the site's own files, no inline script, no
// eval), and the site still works under it, opened from disk (file://) and over http: every
// page loads its scripts with zero `securitypolicyviolation` events, and search, a self-check
// exercise, the SRS practice form and the progress page work. A positive control proves the
// listener would see a violation: a handbook that allows unsafe HTML (`[content] unsafe_html =
// "allow"`) has an inline <script>, an onclick attribute and a javascript: link, and the policy
// blocks all three (reported as violations; the script never runs).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

let unsafe; // { site, server }: the positive-control handbook

/** Records every CSP violation of every document in the context on window.__csp. */
const LISTEN = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
};

const env = lib.suite({
  setup: async ({ tmp, serve }) => {
    const root = path.join(tmp, 'hb');
    lib.writeFiles(root, {
      'handbook.toml': 'title = "Unsafe"\n\n[content]\nunsafe_html = "allow"\n',
      'content/_index.md': [
        '# Unsafe',
        '',
        '<script>document.documentElement.setAttribute("data-pwned", "script")</script>',
        '',
        '<button type="button" id="handler" onclick="document.documentElement.setAttribute(\'data-pwned\', \'onclick\')">Press</button>',
        '',
        '<a id="jsurl" href="javascript:document.documentElement.setAttribute(\'data-pwned\', \'url\')">Link</a>',
        '',
      ].join('\n'),
    });
    const site = path.join(tmp, 'site');
    lib.buildSite(root, site, { args: ['--quiet'] });
    unsafe = { site, server: await serve(site) };
  },
});

/** Opens a fresh page that records CSP violations; runs fn; asserts the guard is clean. */
async function withCspPage(fn) {
  await lib.withPage(env.browser, {}, async (ctx) => {
    await ctx.context.addInitScript(LISTEN);
    await fn(ctx);
  });
}

async function violations(page) {
  return page.evaluate(() => window.__csp || ['the listener did not run']);
}

/** Every page's policy: present, first in <head> after charset, no unsafe-inline/eval for scripts. */
function policyOf(rel) {
  const html = fs.readFileSync(path.join(lib.SITE, rel), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(m, `${rel}: no Content-Security-Policy <meta>`);
  const head = html.slice(0, html.indexOf('</head>'));
  assert.ok(head.indexOf(m[0]) < head.search(/<(script|link|base|style)\b/), `${rel}: the policy comes after an element it should govern`);
  return m[1].replace(/&#x27;|&#39;/g, "'");
}

test('every generated page carries a strict policy', () => {
  const pages = lib.siteFiles('.html');
  assert.ok(pages.length > 10, `only ${pages.length} pages`);
  for (const rel of pages) {
    const policy = policyOf(rel);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, `${rel}: ${policy}`);
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'"]) {
      assert.ok(policy.includes(d), `${rel}: the policy lacks ${d}: ${policy}`);
    }
  }
});

for (const [label, urlOf] of [['file://', (rel) => lib.fileUrl(rel)], ['http', (rel) => env.server.at(rel)]]) {
  test(`${label}: every page loads its scripts with zero CSP violations`, async () => {
    await withCspPage(async ({ page }) => {
      const bad = [];
      for (const rel of lib.siteFiles('.html')) {
        await lib.visit(page, urlOf(rel));
        const ran = await page.evaluate(() => document.documentElement.classList.contains('js') &&
          typeof window.handbook === 'object');
        if (!ran) bad.push(`${rel}: theme.js did not run`);
        for (const v of await violations(page)) bad.push(`${rel}: ${v}`);
      }
      lib.assertNone(bad, `${label}: pages with problems under the policy`);
    });
  });

  test(`${label}: search, an exercise, the SRS practice form and the progress page work under the policy`, async () => {
    await withCspPage(async ({ page }) => {
      // Search: the dialog opens and the index (a script added at run time) answers.
      await lib.visit(page, urlOf('validation/tips.html'));
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const box = page.getByRole('dialog').getByRole('searchbox', { name: /search/i });
      await box.pressSequentially('validating', { delay: 10 });
      const results = page.getByRole('dialog').getByRole('list', { name: /search results/i }).getByRole('link');
      await lib.poll(async () => (await results.count()) > 0, 5000);
      assert.deepEqual(await violations(page), [], 'search');

      // A self-check exercise: answer, Check, feedback in the live region.
      await lib.visit(page, urlOf('alliance/self-check.html'));
      const q = page.locator('[data-exercise="alliance-basics"] [data-question="q1"]');
      await q.getByRole('radio', { name: /insight/i }).check();
      await q.getByRole('button', { name: 'Check', exact: true }).click();
      await lib.poll(async () => ((await q.locator('[data-feedback]').textContent()) || '').trim().length > 0);
      assert.deepEqual(await violations(page), [], 'exercise');

      // The SRS practice form: the four sliders set by keyboard make a live total of 40.
      await lib.visit(page, urlOf('srs/practice-form.html'));
      const sliders = page.getByRole('slider');
      assert.equal(await sliders.count(), 4);
      for (let i = 0; i < 4; i++) {
        await sliders.nth(i).focus();
        await page.keyboard.press('End');
        assert.equal(await sliders.nth(i).getAttribute('aria-valuenow'), '10.0');
      }
      assert.match(await page.getByRole('status', { name: /Total/ }).textContent(), /40/);
      assert.deepEqual(await violations(page), [], 'srs form');

      // The progress page lists the stored result of the exercise above.
      await lib.visit(page, urlOf('progress.html'));
      await lib.poll(async () => /alliance/i.test(await page.locator('main').innerText()));
      assert.deepEqual(await violations(page), [], 'progress page');
    });
  });

  test(`${label}: with unsafe_html = "allow", inline script, on* handlers and javascript: URLs are still blocked`, async () => {
    const at = label === 'http' ? (rel) => unsafe.server.at(rel) : (rel) => require('node:url').pathToFileURL(path.join(unsafe.site, rel)).href;
    const { context, page } = await lib.openPage(env.browser);
    try {
      await context.addInitScript(LISTEN);
      await lib.visit(page, at('index.html'));
      await page.locator('#handler').click();
      await page.locator('#jsurl').click();
      await lib.poll(async () => (await violations(page)).length >= 3);
      const seen = await violations(page);
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-pwned')), null, 'an inline script ran');
      assert.ok(seen.every((v) => v.startsWith('script-src')), seen.join('\n'));
      assert.ok(seen.length >= 3, `expected 3 blocked scripts, saw: ${seen.join('\n')}`);
    } finally {
      await context.close().catch(() => {});
    }
  });
}

test('handbook serve: pages with the live-reload script and the 404 page have zero CSP violations', async () => {
  const serve = await lib.startServe(lib.REPO);
  try {
    const base = serve.url;
    const { context, page } = await lib.openPage(env.browser);
    try {
      await context.addInitScript(LISTEN);
      for (const rel of ['index.html', 'alliance/self-check.html', 'no/such/page.html']) {
        // The reload script is in the page and its event stream is open (the server answered it).
        const events = page.waitForResponse((r) => r.url().includes('/__handbook/events'), { timeout: 30_000 });
        await page.goto(base + rel, { waitUntil: 'load' });
        assert.ok(await page.evaluate(() => [...document.scripts].some((s) => /__handbook\/reload\.js/.test(s.src))), `serve: ${rel}: no reload script`);
        await events;
        assert.deepEqual(await violations(page), [], `serve: ${rel}`);
        assert.ok(await page.evaluate(() => document.documentElement.classList.contains('js')), `serve: ${rel}: theme.js did not run`);
      }
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    await serve.close();
  }
});
