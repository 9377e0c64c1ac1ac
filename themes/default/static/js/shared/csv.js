  /* ---- shared/csv.js: included at build time (`//= include js/shared/csv.js`) inside a
     script's function, after shared/i18n.js. ---- */

  /* csvDelimiter(): the field delimiter of a CSV export in the page's language: ";" where the
     language writes a decimal comma (i18n.js `decimal`), as spreadsheet programs set to those
     locales expect, so "12,4" stays one number in one cell; "," otherwise.
     csvField(value, delimiter, quoteAll): one RFC 4180 field, in double quotes when it holds the
     delimiter, a quote or a line break (always with quoteAll); a leading = + - @ tab or CR gets
     a ' first, so a spreadsheet keeps the cell as text instead of running it as a formula. */
  function csvDelimiter() {
    return i18nData().decimal === "," ? ";" : ",";
  }

  function csvField(value, delimiter, quoteAll) {
    var s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) {
      s = "'" + s;
    }
    var quote = quoteAll || s.indexOf(delimiter) >= 0 || /["\n\r]/.test(s);
    return quote ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
