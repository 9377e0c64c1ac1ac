'use strict';
// Every page template has zero axe-core violations (WCAG 2.0, 2.1, 2.2 at A and AA), in the light
// and the dark colour scheme, served over http under a sub-path; and so has a content page whose
// scheme was forced by the theme toggle against the system's. No request leaves localhost and no
// console error is logged on the way (the guard in lib.withPage).

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const env = lib.suite({ discover: true });

/** Fail unless the page looks like the scheme asked for (a dark scheme has a dark background). */
async function assertScheme(page, scheme, label) {
  const lum = await lib.backgroundLuminance(page);
  if (scheme === 'dark') assert.ok(lum < 0.2, `${label}: the dark scheme has a light background (luminance ${lum.toFixed(2)})`);
  else assert.ok(lum > 0.5, `${label}: the light scheme has a dark background (luminance ${lum.toFixed(2)})`);
}

for (const scheme of ['light', 'dark']) {
  describe(`axe-core, ${scheme} colour scheme`, () => {
    for (const [label, key] of lib.TEMPLATES) {
      test(`${label}: zero violations`, async () => {
        const rel = lib.pick(env.found, key);
        await lib.withPage(env.browser, { colorScheme: scheme }, async ({ page }) => {
          await lib.visit(page, env.server.at(rel));
          await assertScheme(page, scheme, `${rel} (system ${scheme})`);
          const violations = await lib.axe(page);
          lib.assertNoViolations(violations, `${rel} (${scheme})`);
        });
      });
    }

    const other = scheme === 'light' ? 'dark' : 'light';
    test(`content page, switched to ${other} with the theme toggle: zero violations`, async () => {
      const rel = lib.pick(env.found, 'page');
      await lib.withPage(env.browser, { colorScheme: scheme }, async ({ page }) => {
        await lib.visit(page, env.server.at(rel));
        const toggle = lib.themeToggle(page);
        assert.ok(await toggle.count(), `${rel}: no theme toggle button`);
        const want = (lum) => (other === 'dark' ? lum < 0.2 : lum > 0.5);
        let switched = false;
        for (let i = 0; i < 3 && !switched; i++) {
          await toggle.click();
          switched = Boolean(await lib.poll(async () => want(await lib.backgroundLuminance(page)), 1500));
        }
        assert.ok(switched, `${rel}: three clicks on the theme toggle never switched the ${scheme} system scheme to ${other}`);
        const violations = await lib.axe(page);
        lib.assertNoViolations(violations, `${rel} (system ${scheme}, toggled to ${other})`);
      });
    });
  });
}
