  /* ---- shared/percent.js: included at build time (`//= include js/shared/percent.js`) inside a
     script's function, after shared/i18n.js. ---- */

  /* percent(n, d): n of d as the catalogue's "60%" (`progress.percent`, whole percent,
     rounded); "" when d is 0. */
  function percent(n, d) {
    return d ? t("progress.percent", { value: Math.round((100 * n) / d) }) : "";
  }
