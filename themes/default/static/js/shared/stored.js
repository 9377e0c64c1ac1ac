  /* ---- shared/stored.js: included at build time (`//= include js/shared/stored.js`) inside a
     script's function. ---- */

  /* The checks every reader of stored data makes (progress-store.js, srs.js).
     isObject(v): a plain object (not null, not a list). tooBig(v): larger than MAX_ITEM
     characters of JSON (or not JSON at all), which is not something a learner made. */
  var MAX_ITEM = 200000;

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

  function tooBig(v) {
    try {
      return JSON.stringify(v).length > MAX_ITEM;
    } catch (e) {
      return true;
    }
  }
