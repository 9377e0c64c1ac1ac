'use strict';
// Agency branding and the supervisor's summary (issue 20).
//
// Branding: two small handbooks are built with the real binary (HANDBOOK_BIN, else
// target/debug/handbook), one with a dark red accent (#8b0000: readable on the light theme, too
// dark on the dark one) and one with a pale yellow accent (#fff3a0: the other way round). In
// both colour schemes (prefers-color-scheme emulated) links, the primary "Check" button, the
// focus ring and the current-page marker must use the accent itself where it has the contrast
// (4.5:1 text, 3:1 marks), else a shade of the same hue that has it; axe finds no contrast
// violation; the logo is visible at 375 and 1280 px with the agency's name as its alt text;
// the favicon loads (the page guard fails on any 404).
//
// Summary: `handbook progress summarize` on tests/fixtures/progress-files/wide (8 assignments in
// two learning paths): at 1280 px nothing scrolls sideways (screenshot
// tests/browser/screenshots/summary-1280.png); at 800 px it scrolls inside its region, the
// trainee column staying in view; printed (print media, the printable width of a
// Letter page in landscape, the narrower of A4 and Letter) no table is wider than the page, and
// page.pdf renders it on A4 landscape.
//
// Small things: on the bundled handbook (HANDBOOK_SITE) a learning-path step's "0 of N done" stays
// on one line at 375 px and h2 rules span the text column; the triangle diagram's labels sit
// inside their circles.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const lib = require('./lib');

const AGENCY = 'Northfield Counselling Service';
const ACCENTS = { red: '#8b0000', yellow: '#fff3a0' };
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="200" height="50">' +
  '<rect width="200" height="50" fill="#333"/><text x="100" y="33" text-anchor="middle" ' +
  'font-family="sans-serif" font-size="22" fill="#fff">Northfield</text></svg>\n';

const sites = {}; // name -> { server, stderr }

/** Writes a small handbook with `accent` under tmp/name and builds it; returns the stderr. */
function buildFixture(tmp, name, accent) {
  const root = path.join(tmp, name);
  lib.writeFiles(root, {
    'handbook.toml': `title = "Branding ${name}"\n[branding]\nagency = "${AGENCY}"\n` +
      `logo = "branding/logo.svg"\naccent = "${accent}"\nfavicon = "branding/icon.svg"\n`,
    'branding/logo.svg': LOGO,
    'branding/icon.svg': LOGO,
    'content/_index.md': '# Home\n\nRead [the first page](01-first.md) next.\n\n' +
      '> [!NOTE]\n> A note with [a link](01-first.md).\n',
    'content/01-first.md': '# First page\n\nBack to [the start](_index.md).\n\n## A section\n\n' +
      'Some text.\n\n```exercise\nid = "brand-check"\n\n[[question]]\ntype = "single"\n' +
      'prompt = "Pick one"\noptions = ["This", "That"]\nanswer = 1\n```\n',
  });
  const out = path.join(tmp, `${name}-site`);
  return { out, stderr: lib.buildSite(root, out) };
}

const env = lib.suite({
  site: null,
  setup: async ({ tmp, serve }) => {
    for (const [name, accent] of Object.entries(ACCENTS)) {
      const { out, stderr } = buildFixture(tmp, name, accent);
      sites[name] = { server: await serve(out), stderr, out };
    }
    const summary = path.join(tmp, 'summary');
    execFileSync(lib.handbookBin(), ['progress', 'summarize', '--quiet',
      path.join(lib.REPO, 'tests', 'fixtures', 'progress-files', 'wide'), '--out', summary], { stdio: 'pipe' });
    sites.summary = { server: await serve(summary) };
  },
});

// ---------------------------------------------------------------------------------------------
// Colour maths in the test's own words (WCAG luminance, OKLCH hue), independent of the build's.

function parseColour(css) {
  const m = css.match(/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)/);
  assert.ok(m, `not an rgb() colour: ${css}`);
  return [+m[1], +m[2], +m[3]].map((v) => v / 255);
}

function hexColour(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
}

const lin = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

function hue([r, g, b]) {
  [r, g, b] = [lin(r), lin(g), lin(b)];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return ((Math.atan2(B, A) * 180) / Math.PI + 360) % 360;
}

const same = (a, b) => a.every((v, i) => Math.abs(v - b[i]) < 1.5 / 255);
const hueGap = (a, b) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

/**
 * `css` (a computed colour) is the accent, or a shade of its hue when the accent lacks
 * `ratio` against `bg`; either way it reaches `ratio`.
 */
function assertAccentOrShade(css, accentHex, bg, ratio, what) {
  const c = parseColour(css);
  const accent = hexColour(accentHex);
  const ratioOf = contrast(c, bg);
  assert.ok(ratioOf >= ratio - 0.01, `${what}: ${css} has ${ratioOf.toFixed(2)}:1, needs ${ratio}:1`);
  if (contrast(accent, bg) >= ratio) {
    assert.ok(same(c, accent), `${what}: the accent ${accentHex} has the contrast, yet ${css} is used`);
  } else {
    assert.ok(!same(c, accent), `${what}: the accent ${accentHex} lacks ${ratio}:1 but is used as is`);
    const gap = hueGap(hue(c), hue(accent));
    assert.ok(gap < 8, `${what}: ${css} is not a shade of ${accentHex} (hue ${gap.toFixed(1)}° away)`);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Branding

for (const [name, accent] of Object.entries(ACCENTS)) {
  for (const scheme of ['light', 'dark']) {
    test(`${name} accent ${accent}, ${scheme} scheme: links, button, focus ring and marker use it or its accessible shade`, async () => {
      await lib.withPage(env.browser, { width: 1280, height: 900, colorScheme: scheme }, async ({ page }) => {
        await lib.visit(page, sites[name].server.at('first.html'));
        const colours = await page.evaluate(() => {
          const cs = (el, prop) => getComputedStyle(el)[prop];
          const link = document.querySelector('.content a[href$="index.html"]');
          const button = document.querySelector('.question-check');
          const current = document.querySelector('#hb-sidebar a[aria-current="page"]');
          const shadow = cs(current, 'boxShadow');
          return {
            bg: cs(document.body, 'backgroundColor'),
            link: cs(link, 'color'),
            buttonBg: cs(button, 'backgroundColor'),
            buttonFg: cs(button, 'color'),
            currentBg: cs(current, 'backgroundColor'),
            currentFg: cs(current, 'color'),
            marker: shadow.match(/rgba?\([^)]*\)/)[0],
          };
        });
        const bg = parseColour(colours.bg);
        assertAccentOrShade(colours.link, accent, bg, 4.5, 'link');
        assertAccentOrShade(colours.marker, accent, parseColour(colours.currentBg), 3, 'current-page marker');
        assertAccentOrShade(colours.currentFg, accent, parseColour(colours.currentBg), 4.5, 'current page link');
        const btn = parseColour(colours.buttonBg);
        assert.ok(contrast(btn, parseColour(colours.buttonFg)) >= 4.5, `Check button text: ${colours.buttonFg} on ${colours.buttonBg}`);
        assert.ok(contrast(btn, bg) >= 3, `Check button against the page: ${colours.buttonBg}`);
        assert.ok(same(btn, hexColour(accent)) || hueGap(hue(btn), hue(hexColour(accent))) < 8,
          `Check button ${colours.buttonBg} is neither ${accent} nor a shade of it`);

        // The focus ring: keyboard focus on the link.
        await page.focus('.content a[href$="index.html"]');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return { tag: el.tagName, style: s.outlineStyle, colour: s.outlineColor };
        });
        assert.equal(ring.style, 'solid', `no focus ring on ${ring.tag}`);
        assertAccentOrShade(ring.colour, accent, bg, 3, 'focus ring');

        for (const rel of ['index.html', 'first.html']) {
          await lib.visit(page, sites[name].server.at(rel));
          const violations = await lib.axe(page);
          lib.assertNoViolations(violations, `${name} ${scheme} ${rel}`);
        }
      });
    });
  }
}

test('the build notes the adjusted accent once, naming the shades', () => {
  for (const name of Object.keys(ACCENTS)) {
    const notes = sites[name].stderr.match(/^note: /gm) || [];
    assert.equal(notes.length, 1, `${name}: expected one note, got:\n${sites[name].stderr}`);
    assert.match(sites[name].stderr, /handbook\.toml:5: the accent #[0-9a-f]{6} lacks contrast/);
  }
  assert.match(sites.yellow.stderr, /light scheme: links #[0-9a-f]{6}/);
  assert.match(sites.red.stderr, /dark scheme: links #[0-9a-f]{6}/);
  assert.doesNotMatch(sites.red.stderr, /light scheme/);
  const css = fs.readFileSync(path.join(sites.red.out, 'assets', 'brand.css'), 'utf8');
  assert.match(css, /:root \{\n {2}--accent: #8b0000;\n\}\n\n@media screen \{\n {2}:root \{\n {4}--link: #8b0000;/);
});

test('printed, links keep the theme\'s print colour (black), not the accent', async () => {
  await lib.withPage(env.browser, { width: 1280, height: 800, colorScheme: 'dark' }, async ({ page }) => {
    await lib.visit(page, sites.red.server.at('first.html'));
    await page.emulateMedia({ media: 'print' });
    // The colour may be mid-transition right after the switch: wait for it to settle.
    const colour = () => page.evaluate(() => getComputedStyle(document.querySelector('.content a[href$="index.html"]')).color);
    await lib.poll(async () => (await colour()) === 'rgb(0, 0, 0)', 3000);
    assert.equal(await colour(), 'rgb(0, 0, 0)');
  });
});

for (const width of [375, 1280]) {
  test(`${width} px: the logo is visible in the header, its alt text the agency's name`, async () => {
    await lib.withPage(env.browser, { width, height: 800 }, async ({ page }) => {
      await lib.visit(page, sites.red.server.at('first.html'));
      const logo = await page.evaluate(() => {
        const img = document.querySelector('.site-header img.agency-logo');
        if (!img) return null;
        const r = img.getBoundingClientRect();
        const title = document.querySelector('.site-title').getBoundingClientRect();
        return {
          alt: img.alt,
          loaded: img.complete && img.naturalWidth > 0,
          visible: img.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
          box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height },
          titleWidth: title.width,
          viewport: window.innerWidth,
          scrollWidth: document.scrollingElement.scrollWidth,
        };
      });
      assert.ok(logo, 'no logo in the header');
      assert.equal(logo.alt, AGENCY);
      assert.ok(logo.loaded, 'the logo did not load');
      assert.ok(logo.visible, 'the logo is hidden');
      assert.ok(logo.box.height >= 20 && logo.box.width >= 40, `the logo is too small: ${JSON.stringify(logo.box)}`);
      assert.ok(logo.box.left >= 0 && logo.box.right <= logo.viewport && logo.box.top >= 0,
        `the logo is outside the viewport: ${JSON.stringify(logo.box)}`);
      assert.ok(logo.titleWidth >= 100, `the title is squeezed to ${logo.titleWidth} px`);
      assert.ok(logo.scrollWidth <= logo.viewport, `the page scrolls sideways (${logo.scrollWidth} px)`);
      const icon = await page.evaluate(async () => {
        const link = document.querySelector('link[rel="icon"]');
        const res = await fetch(link.href);
        return { href: link.getAttribute('href'), status: res.status, type: link.type };
      });
      assert.deepEqual(icon, { href: 'assets/brand/favicon.svg', status: 200, type: 'image/svg+xml' });
      await lib.screenshot(page, 'branding-red');
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The supervisor's summary

test('summary.html at 1280 px: 8 assignments without sideways scrolling', async () => {
  await lib.withPage(env.browser, { width: 1280, height: 900 }, async ({ page }) => {
    await lib.visit(page, sites.summary.server.at('summary.html'));
    const m = await page.evaluate(() => ({
      doc: [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth],
      regions: [...document.querySelectorAll('.wrap')]
        .filter((w) => w.offsetParent !== null)
        .map((w) => [w.querySelector('caption').textContent, w.scrollWidth, w.clientWidth]),
      assignments: document.querySelectorAll('table.screen thead th[id^="a"][colspan]').length,
    }));
    assert.equal(m.assignments, 8, 'the fixture has 8 assignments');
    assert.ok(m.doc[0] <= m.doc[1], `the page scrolls sideways: ${m.doc[0]} > ${m.doc[1]}`);
    for (const [caption, scroll, client] of m.regions) {
      assert.ok(scroll <= client, `“${caption}” scrolls sideways: ${scroll} > ${client}`);
    }
    await lib.screenshot(page, 'summary');
  });
});

test('summary.html at 800 px: the table scrolls inside its region with the trainee column kept in view', async () => {
  await lib.withPage(env.browser, { width: 800, height: 900 }, async ({ page }) => {
    await lib.visit(page, sites.summary.server.at('summary.html'));
    const m = await page.evaluate(() => {
      const wrap = document.querySelector('.wrap');
      const before = wrap.querySelector('tbody th').getBoundingClientRect().left;
      wrap.scrollLeft = 300;
      const cell = wrap.querySelector('tbody th').getBoundingClientRect();
      const under = document.elementFromPoint(cell.left + 5, cell.top + cell.height / 2);
      return {
        page: document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth,
        scrolled: wrap.scrollLeft,
        before,
        after: cell.left,
        wrapLeft: wrap.getBoundingClientRect().left,
        covered: !wrap.querySelector('tbody th').contains(under),
      };
    });
    assert.ok(m.page, 'the page itself scrolls sideways');
    assert.ok(m.scrolled > 0, 'the table region did not scroll');
    assert.ok(Math.abs(m.after - m.wrapLeft) <= 1.5, `the trainee column moved: ${m.before} -> ${m.after}`);
    assert.equal(m.covered, false, 'the trainee name is covered by the scrolled cells');
  });
});

test('summary.html printed: every table fits a landscape page; the PDF renders on A4', async () => {
  // Letter landscape minus the 1 cm margins: 279.4 mm - 20 mm = 259.4 mm = 980 CSS px
  // (A4 landscape leaves 277 mm = 1047 px, so fitting Letter fits both).
  const PRINTABLE = 980;
  await lib.withPage(env.browser, { width: PRINTABLE, height: 700 }, async ({ page }) => {
    await lib.visit(page, sites.summary.server.at('summary.html'));
    await page.emulateMedia({ media: 'print' });
    await lib.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.print-only')).display === 'block'));
    const tables = await page.evaluate(() => [...document.querySelectorAll('table')]
      .filter((t) => t.offsetParent !== null)
      .map((t) => {
        const r = t.getBoundingClientRect();
        return {
          caption: t.querySelector('caption').textContent,
          left: r.left,
          right: r.right,
          scroll: t.parentElement.scrollWidth,
          client: t.parentElement.clientWidth,
          repeat: getComputedStyle(t.tHead).display,
        };
      }));
    const captions = tables.map((t) => t.caption);
    assert.deepEqual(captions, [
      'Learning path “Four-week onboarding”',
      'Learning path “Annual refresher for experienced clinicians”',
      'Whole handbook (self-check)',
      'The progress file of each trainee',
    ], 'printed: one table per learning path, the totals and the files');
    for (const t of tables) {
      assert.ok(t.left >= 0 && t.right <= PRINTABLE + 0.5, `printed “${t.caption}” is cut: ${t.left}..${t.right} of ${PRINTABLE} px`);
      assert.ok(t.scroll <= t.client, `printed “${t.caption}” overflows its box: ${t.scroll} > ${t.client}`);
      assert.equal(t.repeat, 'table-header-group', `“${t.caption}”: header rows do not repeat`);
    }
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 4, `the summary printed on ${pages} pages`);
    fs.mkdirSync(lib.SCREENSHOT_DIR, { recursive: true });
    fs.writeFileSync(path.join(lib.SCREENSHOT_DIR, 'summary-a4-landscape.pdf'), pdf);
  });
});

// ---------------------------------------------------------------------------------------------
// Small things a new user trips on (the bundled handbook, HANDBOOK_SITE)

test('375 px: a learning path step\'s "0 of N done" never breaks inside', async () => {
  const server = await lib.startServer();
  try {
    await lib.withPage(env.browser, { width: 375, height: 800 }, async ({ page }) => {
      await lib.visit(page, server.at('index.html'));
      await lib.poll(() => page.evaluate(() => {
        const s = document.querySelectorAll('.path-steps [data-step-status]');
        return s.length > 0 && [...s].every((el) => /done|Complete/.test(el.textContent));
      }));
      const broken = await page.evaluate(() => [...document.querySelectorAll('.path-steps [data-step-status]')]
        .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()))
        .map((n) => {
          const range = document.createRange();
          range.selectNodeContents(n);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return { text: n.textContent.trim(), lines: lines.size };
        })
        .filter((x) => x.lines > 1)
        .map((x) => `"${x.text}" on ${x.lines} lines`));
      lib.assertNone(broken, 'status words broken across lines');
    });
  } finally {
    await server.close();
  }
});

test('1280 px: every h2 rule runs to the edge of the text column', async () => {
  const server = await lib.startServer();
  try {
    await lib.withPage(env.browser, { width: 1280, height: 900 }, async ({ page }) => {
      const rel = lib.siteFiles('.html').find((r) => /(^|\/)alliance\/three-elements\.html$/.test(r)) ||
        lib.siteFiles('.html').find((r) => r.split('/').length === 2 && !r.endsWith('index.html'));
      await lib.visit(page, server.at(rel));
      const short = await page.evaluate(() => {
        const column = document.querySelector('.content').getBoundingClientRect();
        return [...document.querySelectorAll('.content h2')].map((h2) => {
          const ruled = [h2, h2.parentElement].find((el) => getComputedStyle(el).borderBottomStyle !== 'none');
          if (!ruled) return `${h2.textContent.trim()}: no rule`;
          const r = ruled.getBoundingClientRect();
          return Math.abs(r.right - column.right) > 1 || Math.abs(r.left - column.left) > 1
            ? `${h2.textContent.trim()}: rule ${Math.round(r.left)}..${Math.round(r.right)}, column ${Math.round(column.left)}..${Math.round(column.right)}`
            : null;
        }).filter(Boolean);
      });
      lib.assertNone(short, `${rel}: h2 rules not spanning the column`);
    });
  } finally {
    await server.close();
  }
});

test('the triangle diagram: every label inside its circle', async () => {
  const svg = path.join(lib.REPO, 'content', '01-alliance', 'alliance-triangle.svg');
  const page = await env.browser.newPage({ viewport: { width: 520, height: 420 } });
  try {
    await page.goto(require('node:url').pathToFileURL(svg).href);
    const outside = await page.evaluate(() => {
      const circles = [...document.querySelectorAll('circle')].map((c) => ({
        cx: +c.getAttribute('cx'), cy: +c.getAttribute('cy'), r: +c.getAttribute('r'),
      }));
      return [...document.querySelectorAll('text')].map((t) => {
        const b = t.getBBox();
        const x = b.x + b.width / 2;
        const y = b.y + b.height / 2;
        const c = circles.find((k) => Math.hypot(k.cx - x, k.cy - y) < k.r);
        if (!c) return null; // a free label (the middle of the triangle)
        const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]];
        return corners.every(([px, py]) => Math.hypot(px - c.cx, py - c.cy) <= c.r) ? null : t.textContent;
      }).filter(Boolean);
    });
    lib.assertNone(outside, 'labels spilling out of their circles');
  } finally {
    await page.close();
  }
});
