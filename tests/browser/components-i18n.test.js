'use strict';
// The components' interface in another language (issue 18): a handbook in Spanish whose own
// i18n/es.toml gives every string of the components' sections ([exercise], [srs], [progress],
// [assignments], [summary]) a pseudo-translation (the English in capitals, placeholders kept)
// and a decimal comma. The exercise page (before and after Check), the practice form (after a
// total below the cutoff) and the progress page must show only those strings: no English value
// of those sections is left in their text, accessible names or live regions, and numbers use
// the comma. The real catalogues (es, fr, ...) are held to the same by the all-languages test.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');
const { englishStrings } = require('./theme-source');

const SECTIONS = ['exercise', 'srs', 'progress', 'assignments', 'summary'];

/** The pseudo-translation of one value: letters outside {placeholders} in capitals. */
function pseudo(value) {
  return value.split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/).map((part, i) => (i % 2 ? part : part.toUpperCase())).join('');
}

function tomlString(s) {
  return JSON.stringify(s);
}

/** i18n/es.toml of the fixture: every key of SECTIONS, pseudo-translated; a decimal comma. */
function catalogue(strings) {
  const out = ['[meta]', 'decimal_separator = ","', 'thousands_separator = "."'];
  for (const section of SECTIONS) {
    const keys = Object.keys(strings).filter((k) => k.startsWith(`${section}.`));
    if (!keys.length) continue;
    out.push('', `[${section}]`);
    for (const key of keys) {
      const v = strings[key];
      const name = key.slice(section.length + 1);
      if (typeof v === 'string') {
        out.push(`${name} = ${tomlString(pseudo(v))}`);
      } else {
        const forms = Object.entries(v).map(([form, text]) => `${form} = ${tomlString(pseudo(text))}`);
        out.push(`${name} = { ${forms.join(', ')} }`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** The English fragments a reader must not meet: each value's text between placeholders,
 * where it holds a word of four letters or more (shorter ones would match by chance). */
function englishFragments(strings) {
  const found = new Set();
  for (const [key, v] of Object.entries(strings)) {
    if (!SECTIONS.some((s) => key.startsWith(`${s}.`))) continue;
    for (const text of typeof v === 'string' ? [v] : Object.values(v)) {
      for (const part of text.split(/\{[A-Za-z_][A-Za-z0-9_]*\}/)) {
        const trimmed = part.trim();
        if (/[A-Za-z]{4,}/.test(trimmed)) found.add(trimmed);
      }
    }
  }
  return [...found];
}

const STRINGS = englishStrings();
const FRAGMENTS = englishFragments(STRINGS);

const FILES = {
  'handbook.toml': 'title = "Manual de prueba"\nid = "comps-i18n"\nlanguage = "es"\n\n'
    + '[[learning_path]]\ntitle = "Primeros pasos"\nassignments = ["tarea.md"]\n',
  'i18n/es.toml': catalogue(STRINGS),
  'content/_index.md': '# Inicio\n\nUn manual de prueba.\n',
  'content/ejercicio.md': `# Ejercicio

Texto de la página.

\`\`\`exercise
id = "prueba"
title = "Comprueba lo aprendido"

[[question]]
type = "single"
id = "vinculo"
prompt = "¿Qué elemento falta?"
options = ["Vínculo", "Metas", "Tareas"]
answer = 1
hint = "Piensa en Bordin."
feedback = ["Sí.", "No.", "No."]

[[question]]
type = "multiple"
id = "varios"
prompt = "¿Cuáles son elementos?"
options = ["Vínculo", "Metas", "Azar"]
answer = [1, 2]

[[question]]
type = "short"
id = "numero"
prompt = "¿Cuántos puntos?"
accept_number = 7.5
tolerance = 0.5

[[question]]
type = "truefalse"
id = "vf"
prompt = "¿La alianza predice el resultado?"
answer = true
feedback = ["Bien.", "Mal."]

[[question]]
type = "ordering"
id = "orden"
prompt = "Ordena los pasos."
items = ["Primero", "Segundo", "Tercero"]

[[question]]
type = "reflection"
id = "reflexion"
prompt = "¿Qué harías?"
model_answer = "Preguntaría."
\`\`\`
`,
  'content/practica.md': '# Práctica\n\n```srs\nmode = "practice"\n```\n',
  'content/escenario.md': `# Escenario

\`\`\`srs
mode = "scenario"
id = "escena"
vignette = "Una clienta marca las líneas."
ratings = [9.2, 6.1, 8.8, 9.0]
[question]
prompt = "¿Qué dirías?"
options = ["Nada.", "Preguntar por las metas.", "Defender el método."]
answer = 2
\`\`\`
`,
  'content/tarea.md': '+++\ntitle = "Tarea uno"\n\n[assignment]\ndue = "el lunes"\nread = ["ejercicio.md"]\n'
    + 'exercises = ["prueba"]\npractice = 1\n+++\n\nHaz la tarea.\n',
};

const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'handbook');
    lib.writeFiles(root, FILES);
    return root;
  },
});

/** The text a reader can see or hear in `locator`: its text, and every aria-label, title,
 * placeholder and aria-valuetext inside it. */
async function readable(locator) {
  return locator.evaluate((root) => {
    const parts = [root.textContent];
    for (const el of root.querySelectorAll('*')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'alt']) {
        if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
      }
    }
    return parts.join('\n');
  });
}

function assertNoEnglish(text, where) {
  const left = FRAGMENTS.filter((f) => text.includes(f));
  assert.deepEqual(left, [], `${where}: English interface text left: ${left.map((f) => JSON.stringify(f)).join(', ')}`);
}

describe('components in another language (pseudo-translated catalogue)', () => {
  test('the pseudo-catalogue covers the sections, placeholders kept', () => {
    assert.ok(FRAGMENTS.length > 100, `only ${FRAGMENTS.length} English fragments found in en.toml`);
    for (const word of ['Check', 'Try again', 'Not quite.', 'Teaching heuristic', 'My progress', 'What to do']) {
      assert.ok(FRAGMENTS.includes(word), `"${word}" is among the strings looked for`);
    }
    assert.match(catalogue(STRINGS), /^check = "CHECK"$/m);
    assert.match(catalogue(STRINGS), /^question_number = "QUESTION \{n\} OF \{total\}"$/m, 'placeholders are kept');
  });

  test('exercise page: before and after Check, no English interface string', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('ejercicio.html'));
      const ex = page.locator('[data-exercise="prueba"]');
      assertNoEnglish(await readable(ex), 'before Check');
      const single = ex.locator('[data-question="vinculo"]');
      await single.getByRole('button', { name: 'CHECK', exact: true }).click();
      await lib.poll(async () => (await single.locator('[data-feedback]').textContent()).includes('CHOOSE AN ANSWER FIRST.'));
      await single.getByLabel('Metas').check();
      await single.getByRole('button', { name: 'CHECK', exact: true }).click();
      await lib.poll(async () => (await single.locator('[data-feedback]').textContent()).includes('NOT QUITE.'));
      const multi = ex.locator('[data-question="varios"]');
      await multi.getByLabel('Vínculo').check();
      await multi.getByLabel('Azar').check();
      await multi.getByRole('button', { name: 'CHECK', exact: true }).click();
      assert.match(await multi.locator('[data-feedback]').textContent(), /YOU CHOSE 1 OF THE 2 CORRECT OPTIONS AND 1 OPTION THAT IS NOT CORRECT\./);
      const short = ex.locator('[data-question="numero"]');
      await short.getByRole('textbox', { name: 'YOUR ANSWER' }).fill('9');
      await short.getByRole('button', { name: 'CHECK', exact: true }).click();
      assert.match(await short.locator('[data-feedback]').textContent(), /THAT NUMBER IS NOT WITHIN THE ACCEPTED RANGE\./);
      await short.getByRole('button', { name: 'SHOW ANSWER', exact: true }).click();
      assert.match(await short.locator('[data-feedback]').textContent(), /7,5 \(ANYTHING FROM 7 TO 8 IS ACCEPTED\)/, 'the range with a decimal comma');
      const order = ex.locator('[data-question="orden"]');
      await order.getByRole('button', { name: /^MOVE DOWN: / }).first().click();
      await lib.poll(async () => /MOVED TO POSITION 2 OF 3\./.test(await order.locator('[data-ordering-status]').textContent()));
      await ex.locator('[data-question="vf"]').getByLabel('TRUE').check();
      await ex.locator('[data-question="vf"]').getByRole('button', { name: 'CHECK', exact: true }).click();
      const reflection = ex.locator('[data-question="reflexion"]');
      await reflection.getByRole('textbox', { name: 'YOUR REFLECTION' }).fill('Escucharía.');
      await lib.poll(async () => /SAVED IN THIS BROWSER\./.test(await reflection.locator('[data-saved]').textContent()));
      await reflection.getByRole('button', { name: 'SHOW MODEL ANSWER' }).click();
      assert.match(await ex.locator('[data-exercise-progress]').textContent(), /ANSWERED \d OF 6/);
      assertNoEnglish(await readable(ex), 'after Check');
    });
  });

  test('practice form: a total below the cutoff, in the catalogue and with a decimal comma', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('practica.html'));
      const form = page.locator('.srs-practice');
      const sliders = page.getByRole('slider');
      assert.equal(await sliders.count(), 4);
      assert.equal(await sliders.first().getAttribute('aria-valuetext'), 'NOT RATED');
      for (let i = 0; i < 4; i++) {
        await sliders.nth(i).focus();
        await page.keyboard.press('End');
        await page.keyboard.press('PageDown');
        await page.keyboard.press('ArrowLeft');
      }
      assert.equal(await sliders.first().getAttribute('aria-valuenow'), '8.9', 'a number for assistive technology');
      assert.equal(await sliders.first().getAttribute('aria-valuetext'), '8,9 OF 10');
      assert.equal((await form.locator('output.srs-total').textContent()).trim(), '35,6');
      const text = await form.locator('.srs-interpretation').textContent();
      assert.match(text, /BELOW THE CUTOFF OF 36\./);
      assert.match(text, /TEACHING HEURISTIC/);
      assertNoEnglish(await readable(form), 'practice form');
    });
  });

  test('practice scenario: measured, compared and answered, in the catalogue', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('escenario.html'));
      const sc = page.locator('#escena');
      assertNoEnglish(await readable(sc), 'scenario before comparing');
      const inputs = sc.locator('[data-srs-measure]');
      const measure = ['9,1', '6,2', '7', '9', '32,3'];
      for (let i = 0; i < measure.length; i++) await inputs.nth(i).fill(measure[i]);
      await sc.getByRole('button', { name: 'SHOW A RULER' }).click();
      await sc.getByRole('button', { name: 'COMPARE MY MEASUREMENTS' }).click();
      assert.match(await sc.locator('.srs-check-status').textContent(), /3 OF 4 MEASUREMENTS WITHIN 0,2\. TOTAL: NOT RIGHT\./);
      assert.match(await sc.locator('[data-srs-result="2"]').textContent(), /OFF BY 1,8: THE MARK IS AT 8,8\./);
      assert.match(await sc.locator('[data-srs-result="total"]').textContent(), /YOUR MEASUREMENTS ADD UP TO 31,3\./);
      await sc.getByRole('radio', { name: /metas/ }).check();
      await sc.getByRole('button', { name: 'CHECK', exact: true }).click();
      await lib.poll(async () => /CORRECT\./.test(await sc.locator('[data-feedback]').textContent()));
      await sc.locator('details.srs-answers summary').click();
      assertNoEnglish(await readable(sc), 'scenario after comparing and answering');
    });
  });

  test('assignment page and learning path: no English interface string', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('tarea.html'));
      const assignment = page.locator('[data-assignment]');
      assert.match(await assignment.locator('h2').first().textContent(), /WHAT TO DO/);
      await lib.poll(async () => !(await page.locator('[data-assignment-progress]').isHidden()));
      assert.match(await page.locator('[data-assignment-count]').textContent(), /0 OF 3 ITEMS DONE/);
      assertNoEnglish(await readable(assignment), 'assignment checklist');
      const handin = page.locator('[data-handin]');
      await lib.poll(async () => !(await handin.isHidden()));
      await handin.getByRole('button', { name: 'SAVE PROGRESS FILE' }).click();
      await lib.poll(async () => /TYPE YOUR NAME FIRST/.test(await handin.locator('[data-handin-status]').textContent()));
      assertNoEnglish(await readable(handin), 'hand-in panel');
      await lib.visit(page, env.server.at('index.html'));
      const paths = page.locator('.learning-paths');
      await lib.poll(async () => !(await paths.locator('[data-path-summary]').isHidden()));
      assert.match(await paths.locator('[data-path-summary]').textContent(), /0 OF 1 ASSIGNMENT COMPLETE/);
      assertNoEnglish(await readable(paths), 'learning paths');
    });
  });

  test('progress page: no English interface string', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('progress.html'));
      const main = page.locator('[data-progress-page]');
      assert.match(await main.locator('h1').textContent(), /MY PROGRESS/);
      await lib.poll(async () => !(await main.locator('[data-progress-tools]').isHidden()));
      assertNoEnglish(await readable(main), 'progress page');
    });
  });
});
