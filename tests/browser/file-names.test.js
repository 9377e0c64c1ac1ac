'use strict';
// Downloaded file names follow the handbook's language (review of issue 18, item 9): in a
// Spanish handbook the progress file is "<handbook>-progreso-<learner>-<date>.json" and the
// practice log "registro-practica-<set>-<date>.csv" (the catalogue's `assignments.file_stem`
// and `srs.file_stem`, as ASCII slugs).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');

/** One file below `root` (lib.writeFiles for a single path). */
const write = (root, rel, text) => lib.writeFiles(root, { [rel]: text });

const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'hb');
    write(root, 'handbook.toml', 'title = "Manual de prueba"\nid = "manual"\nlanguage = "es"\n');
    write(root, 'content/_index.md', '# Inicio\n\nTexto.\n');
    write(root, 'content/practica.md', '# Práctica\n\n```srs\nmode = "practice"\n```\n');
    write(root, 'content/tarea.md', '+++\ntitle = "Tarea"\n\n[assignment]\npractice = 1\n+++\n\nGuarde una entrada.\n');
    return root;
  },
});

test('the progress file and the practice log are named in Spanish', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at('tarea.html'));
    await page.waitForFunction(() => window.handbook && window.handbook.assignments);
    const name = await page.evaluate(() => window.handbook.assignments.fileName({ handbook: 'Manual de prueba' }, 'Ana Pérez', 'json'));
    assert.match(name, /^manual-de-prueba-progreso-ana-perez-\d{4}-\d\d-\d\d\.json$/);

    await lib.visit(page, env.server.at('practica.html'));
    const sliders = page.locator('.srs-practice [role="slider"]');
    await sliders.first().waitFor({ state: 'visible' });
    for (let i = 0; i < await sliders.count(); i++) {
      await sliders.nth(i).focus();
      await page.keyboard.press('End');
    }
    await page.locator('.srs-practice [data-srs-action="save"]').click();
    const exportButton = page.locator('.srs-practice [data-srs-action="export"]');
    await exportButton.waitFor({ state: 'visible' });
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    assert.match(download.suggestedFilename(), /^registro-practica-default-\d{4}-\d\d-\d\d\.csv$/);
  });
});
