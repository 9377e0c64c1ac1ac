'use strict';
// Landmarks and the current-page marker (DESIGN.md, "Accessible names"): exactly one `main`, a
// banner `header`, a `nav` holding the sidebar, and aria-current="page" on the link to the page
// being shown (and on no other link).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const env = lib.suite({ discover: true });

test('the home page links to a chapter, and the chapter to a page, in its <nav>', () => {
  assert.deepEqual(env.found.notes, [], `navigation is incomplete:\n  ${env.found.notes.join('\n  ')}`);
});

/** Landmarks of the page, read in the browser. */
function landmarks(page) {
  return page.evaluate(() => {
    const sectioning = 'article, aside, main, nav, section, [role=main], [role=navigation], [role=complementary], [role=region], [role=article]';
    const name = (el) => {
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim() || '').join(' ').trim();
      return (el.getAttribute('aria-label') || '').trim();
    };
    const mains = [...document.querySelectorAll('main, [role=main]')];
    const banners = [...document.querySelectorAll('header, [role=banner]')].filter(
      (h) => h.getAttribute('role') === 'banner' || !h.parentElement.closest(sectioning));
    const navs = [...document.querySelectorAll('nav, [role=navigation]')].map((n) => ({
      name: name(n),
      links: [...n.querySelectorAll('a[href]')].map((a) => a.href),
      current: [...n.querySelectorAll('a[aria-current=page]')].map((a) => a.href),
    }));
    const current = [...document.querySelectorAll('[aria-current=page]')].map((el) => ({
      tag: el.tagName.toLowerCase(),
      href: el.href || null,
      text: el.textContent.trim().slice(0, 60),
    }));
    return { mains: mains.length, banners: banners.length, navs, current };
  });
}

for (const [label, key] of lib.TEMPLATES) {
  test(`${label}: one main, a banner header${key === 'print' || key === 'notFound' ? '' : ', a sidebar nav with aria-current="page"'}`, async () => {
    const rel = lib.pick(env.found, key);
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(rel));
      const here = env.server.at(rel);
      const lm = await landmarks(page);
      assert.equal(lm.mains, 1, `${rel}: expected exactly one <main> (or role=main), found ${lm.mains}`);
      assert.ok(lm.banners >= 1, `${rel}: expected a <header> outside any article/section/main/nav (the banner landmark), found none`);
      if (lm.navs.length > 1) {
        const names = lm.navs.map((n) => n.name);
        const dupes = names.filter((n, i) => names.indexOf(n) !== i);
        assert.deepEqual(dupes, [],
          `${rel}: ${lm.navs.length} <nav> landmarks need distinct accessible names (aria-label), got ${JSON.stringify(names)}`);
      }
      // Whatever carries aria-current="page" must be a link to this very page.
      for (const c of lm.current) {
        assert.ok(c.href && lib.relOf(c.href, env.server.url) === lib.relOf(here, env.server.url),
          `${rel}: aria-current="page" is on <${c.tag}> "${c.text}" -> ${c.href}, which is not this page`);
      }
      if (key === 'print' || key === 'notFound') return;
      assert.ok(lm.navs.length >= 1, `${rel}: no <nav> landmark`);
      if (key === 'home') return; // the sidebar need not list the home page itself
      const sidebar = lm.navs.find((n) => n.links.some((h) => lib.relOf(h, env.server.url) === env.found.chapter));
      assert.ok(sidebar, `${rel}: no <nav> contains a link to the chapter ${env.found.chapter} (the sidebar)\n` +
        `navs: ${JSON.stringify(lm.navs.map((n) => ({ name: n.name, links: n.links.length })))}`);
      assert.equal(sidebar.current.length, 1,
        `${rel}: the sidebar <nav> should have exactly one link with aria-current="page", found ${sidebar.current.length}`);
      assert.equal(lib.relOf(sidebar.current[0], env.server.url), rel,
        `${rel}: the sidebar's aria-current="page" link points to ${sidebar.current[0]}`);
    });
  });
}
