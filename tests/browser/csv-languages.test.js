'use strict';
// Numbers and CSV files in a language that writes a decimal comma (issue 18, review items 8,
// 10 and 11): a Spanish handbook with the shipped es catalogue. A typed number with Spanish
// words ("unos 8 por ciento") is understood; the progress CSV and the practice-log CSV are
// separated by ";" (as spreadsheet programs set to Spanish expect) with "9,2" as one cell, and
// the progress CSV's headers and status words are the catalogue's.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');
const { englishStrings, catalogueStrings } = require('./theme-source');

/** The strings of the es site: English, then the shipped es catalogue over it. */
const S = { ...englishStrings(), ...catalogueStrings('es') };

const FILES = {
  'handbook.toml': 'title = "Manual de números"\nid = "csv-es"\nlanguage = "es"\n',
  'content/_index.md': '# Inicio\n\nUn manual de prueba.\n',
  'content/numeros.md': `# Números

\`\`\`exercise
id = "numeros"
title = "Cifras"

[[question]]
type = "short"
id = "varianza"
prompt = "¿Qué porcentaje de la varianza del resultado se asocia a la alianza?"
accept_number = 8
tolerance = 1
unit = "%"

[[question]]
type = "short"
id = "sesiones"
prompt = "¿Cuántas sesiones?"
accept_number = 12
\`\`\`
`,
  'content/practica.md': '# Práctica\n\n```srs\nmode = "practice"\n```\n',
};

const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'handbook');
    lib.writeFiles(root, FILES);
    return root;
  },
});

function question(page, key) {
  return page.locator(`[data-exercise="numeros"] [data-question="${key}"]`);
}

async function answer(q, text) {
  await q.getByRole('textbox', { name: S['exercise.your_answer'] }).fill(text);
  await q.getByRole('button', { name: S['exercise.check'], exact: true }).click();
}

async function download(page, scope, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name, exact: true }).click(),
  ]);
  assert.match(file.suggestedFilename(), /\.csv$/);
  return fs.readFileSync(await file.path(), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
}

describe('numbers and CSV in a decimal-comma language (es)', () => {
  test('typed numbers with Spanish words; the progress CSV in Spanish, separated by ";"', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('numeros.html'));
      const pct = question(page, 'varianza');
      await answer(pct, 'unos 8 por ciento');
      assert.ok(await lib.poll(async () => (await pct.locator('[data-feedback]').innerText()).includes(S['exercise.correct'])),
        `"unos 8 por ciento" is right: ${await pct.locator('[data-feedback]').innerText()}`);
      const count = question(page, 'sesiones');
      await answer(count, 'más o menos 13');
      assert.ok(await lib.poll(async () => (await count.locator('[data-feedback]').innerText()).trim() !== ''));
      assert.ok(!(await count.locator('[data-feedback]').innerText()).includes(S['exercise.not_a_number']),
        '"más o menos 13" is read as a number (out of range), not refused as "not a number"');

      await lib.visit(page, env.server.at('progress.html'));
      assert.ok(await lib.poll(async () => !(await page.locator('[data-progress-tools]').isHidden())));
      const lines = await download(page, page, S['progress.csv']);
      const columns = ['chapter', 'page', 'url', 'exercise_id', 'exercise', 'number', 'question_id', 'type', 'prompt',
        'status', 'correct', 'attempts', 'first_attempt', 'answered_at'];
      assert.equal(lines[0], columns.map((c) => S[`progress.csv_${c}`]).join(';'));
      assert.equal(lines.length, 3, lines.join('\n'));
      const varianza = lines.find((l) => l.includes('"varianza"'));
      const sesiones = lines.find((l) => l.includes('"sesiones"'));
      assert.ok(varianza && sesiones, lines.join('\n'));
      assert.equal(varianza.split('";"').length, columns.length, `one cell per column: ${varianza}`);
      assert.match(varianza, new RegExp(`"${S['progress.csv_status_correct']}";"${S['progress.csv_yes']}";"1";"${S['progress.csv_status_correct']}";`));
      assert.match(sesiones, new RegExp(`"${S['progress.csv_status_incorrect']}";"${S['progress.csv_no']}";`));
    });
  });

  test('the practice log CSV: ";" between fields, "9,2" in one cell', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('practica.html'));
      const form = page.locator('.srs-practice');
      const sliders = form.getByRole('slider');
      assert.equal(await sliders.count(), 4);
      for (const [i, fraction] of [0.92, 0.61, 0.88, 0.9].entries()) {
        const s = sliders.nth(i);
        await s.scrollIntoViewIfNeeded();
        const box = await s.boundingBox();
        await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
      }
      await form.getByRole('button', { name: S['srs.save'], exact: true }).click();
      assert.ok(await lib.poll(async () => (await form.locator('.srs-log-table tbody tr').count()) === 1), 'the entry is saved');
      const lines = await download(page, form, S['srs.export']);
      assert.equal(lines.length, 2, lines.join('\n'));
      assert.ok(lines[0].startsWith([S['srs.csv_date'], S['srs.csv_session'], S['srs.csv_label']].join(';') + ';'), lines[0]);
      assert.match(lines[1], /^\d{4}-\d\d-\d\d;;;9,2;6,1;8,8;9,0;33,1;/, lines[1]);
    });
  });
});
