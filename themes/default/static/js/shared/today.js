  /* ---- shared/today.js: included at build time (`//= include js/shared/today.js`) inside a
     script's function. ---- */

  /* today(now): the local date of `now` (default: now) as "YYYY-MM-DD", as file names, the
     practice log and a date field hold it. */
  function today(now) {
    var d = now || new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
