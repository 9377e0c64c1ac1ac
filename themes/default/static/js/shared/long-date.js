  /* ---- shared/long-date.js: included at build time (`//= include js/shared/long-date.js`)
     inside a script's function, with shared/today.js. ---- */

  /* longDate(date, time): `date` (default: now) written out in the page's language, "2 December
     2026" (with the hours and minutes when `time`), as printed records and "last saved" say it;
     where the browser cannot write the language, today(date) ("2026-12-02"), or with `time` the
     ISO text. */
  function longDate(date, time) {
    var d = date || new Date();
    var options = { year: "numeric", month: "long", day: "numeric" };
    if (time) {
      options.hour = "2-digit";
      options.minute = "2-digit";
    }
    try {
      return d.toLocaleString(document.documentElement.lang || undefined, options);
    } catch (e) {
      return time ? d.toISOString() : today(d);
    }
  }
