  /* ---- shared/practice-entry.js: included at build time
     (`//= include js/shared/practice-entry.js`) inside a script's function, after
     shared/stored.js. ---- */

  /* validPracticeEntry(e): whether a stored practice-log entry is kept, the one rule of every
     place that reads the log (the practice form, progress files, import, SCORM), so an entry
     is never shown in one and dropped in another. It needs a date and its values (at most 50,
     each a number or null) to be shown and counted; id, label and labels must be what the
     form writes, as they are matched and shown. The session number and the time it was saved
     are not checked: a progress file written by hand or by another tool may hold the session
     as text, and an entry is not dropped over them (sessionText shows only a number or text). */
  function validPracticeEntry(e) {
    return isObject(e) && typeof e.date === "string" && Array.isArray(e.values) && e.values.length <= 50 &&
      e.values.every(function (v) { return v === null || (typeof v === "number" && isFinite(v)); }) &&
      (e.id === undefined || typeof e.id === "string") &&
      (e.label === undefined || e.label === null || typeof e.label === "string") &&
      (e.labels === undefined || Array.isArray(e.labels)) && !tooBig(e);
  }

  /* sessionText(e): the entry's session as shown ("3"); "" when it has none, or none that is
     a number or text. */
  function sessionText(e) {
    var s = e.session;
    return typeof s === "number" || typeof s === "string" ? String(s) : "";
  }
