  /* ---- shared/slug.js: included at build time (`//= include js/shared/slug.js`) inside a
     script's function. ---- */

  /* slug(text): lower case, accents dropped, every run of other characters one "-", no "-" at
     either end; "" when nothing is left (callers add their own fallback). The one rule for
     storage keys (theme.js) and file names (assignments.js, progress.js). */
  function slug(text) {
    var s = String(text || "").toLowerCase();
    if (s.normalize) {
      s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    }
    return s.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }
