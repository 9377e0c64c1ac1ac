'use strict';
// Page titles taken from headings: the plain text of the heading (an image's alt text, a
// link's text) in <title>, the sidebar and the pager, while the page's <h1> shows the
// heading's markup; a title without break points wraps at 320 px instead of making the page
// scroll sideways (WCAG 1.4.10), in the <h1>, the pager, the breadcrumbs and the open sidebar.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');

const LONG = 'Averyveryverylongunbreakabletitle_without_any_spaces_or_break_points_at_all';

const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'book');
    lib.writeFiles(root, {
      'handbook.toml': 'title = "Titles"\nid = "titles"\n',
      'content/_index.md': '# Home\n\nStart.\n',
      'content/01-logo.md': '# ![Clinic logo](logo.svg) and the [home page](_index.md)\n\nText.\n',
      'content/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20"/></svg>',
      'content/02-long.md': `# ${LONG}\n\nText.\n`,
      'content/03-after.md': '# After\n\nText.\n',
      'content/04-chapter/_index.md': `# ${LONG}_chapter\n\nText.\n`,
      'content/04-chapter/child.md': '# Child\n\nText.\n',
    });
    return root;
  },
});

/** scrollWidth against the viewport, with the widest elements for the message. */
async function assertNoSideways(page, what) {
  const m = await page.evaluate(() => {
    const d = document.documentElement;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > d.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, wide };
  });
  assert.ok(m.scrollWidth <= m.clientWidth,
    `${what} scrolls sideways at 320 px: scrollWidth ${m.scrollWidth} > ${m.clientWidth}; widest: ${m.wide.join(', ')}`);
}

test('a heading with an image and a link: plain text in <title>, sidebar and pager; markup in the <h1>', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at('logo.html'));
    assert.equal(await page.title(), 'Clinic logo and the home page · Titles');
    const h1 = page.locator('h1');
    assert.equal(await h1.count(), 1, 'one <h1>');
    assert.equal(await h1.locator('img[alt="Clinic logo"]').count(), 1, 'the image is in the <h1>');
    assert.equal(await h1.getByRole('link', { name: 'home page' }).getAttribute('href'), 'index.html');
    lib.assertNoViolations(await lib.axe(page), 'logo.html (an image and a link in the <h1>)');
    const current = page.locator('nav a[aria-current="page"]');
    assert.equal((await current.first().innerText()).trim(), 'Clinic logo and the home page');
    await lib.visit(page, env.server.at('index.html'));
    assert.match(await page.locator('.pager').innerText(), /Clinic logo and the home page/);
    assert.doesNotMatch(await page.locator('.pager').innerText(), /!\[|\]\(/, 'no raw Markdown in the pager');
  });
});

test('a long title without break points wraps at 320 px: <h1>, pager, open sidebar', async () => {
  await lib.withPage(env.browser, { width: 320, height: 640 }, async ({ page }) => {
    // chapter/child.html: the long title is in its breadcrumbs.
    for (const rel of ['long.html', 'logo.html', 'after.html', 'chapter/index.html', 'chapter/child.html']) {
      await lib.visit(page, env.server.at(rel));
      await assertNoSideways(page, rel);
    }
    await lib.visit(page, env.server.at('long.html'));
    // At 320 px the sidebar is behind its toggle: open it and measure the page's link.
    const toggle = page.locator('#hb-sidebar-toggle');
    await toggle.waitFor({ state: 'visible' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const link = page.locator('#hb-sidebar a[aria-current="page"]');
    await link.waitFor({ state: 'visible' });
    const box = await link.boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    assert.ok(box.x + box.width <= width + 0.5, `the sidebar's link to the page ends at ${box.x + box.width} px, past ${width}`);
    await assertNoSideways(page, 'long.html with the sidebar open');
  });
});
