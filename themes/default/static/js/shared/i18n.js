  /* ---- shared/i18n.js: included at build time (`//= include js/shared/i18n.js`) inside a
     script's function. ---- */

  /* The interface strings: window.HANDBOOK_I18N, written by the build as i18n.js (loaded in
     <head> before every other script) from the catalogue of the handbook's language:
     { lang, dir, decimal, thousands, strings: { "section.key": "text" or { one, other, ... } } }.
     t(key, params): the text of `key`, its {name} placeholders filled from params (numbers in
     the language's format; `{{` and `}}` are literal braces), the plural form for params.count
     chosen by Intl.PluralRules (CLDR, as the Rust side); the key itself when it is missing.
     formatNumber(x, maxDigits): at most maxDigits decimals (default 2; trailing zeros dropped),
     the language's decimal separator, thousands grouped from five digits on. Neither throws. */
  function i18nData() {
    var data = typeof window !== "undefined" && window.HANDBOOK_I18N;
    return data && typeof data === "object" ? data : {};
  }

  function formatNumber(x, maxDigits) {
    var n = Number(x);
    if (!isFinite(n)) {
      return String(x);
    }
    var data = i18nData();
    var digits = typeof maxDigits === "number" && maxDigits >= 0 ? Math.min(Math.floor(maxDigits), 20) : 2;
    var parts = Math.abs(n).toFixed(digits).split(".");
    var int = parts[0];
    var frac = (parts[1] || "").replace(/0+$/, "");
    var sign = n < 0 && (int !== "0" || frac) ? "-" : "";
    if (int.length >= 5) {
      var sep = typeof data.thousands === "string" ? data.thousands : ",";
      var grouped = "";
      for (var i = 0; i < int.length; i++) {
        if (i > 0 && (int.length - i) % 3 === 0) {
          grouped += sep;
        }
        grouped += int.charAt(i);
      }
      int = grouped;
    }
    var decimal = typeof data.decimal === "string" ? data.decimal : ".";
    return sign + int + (frac ? decimal + frac : "");
  }

  var pluralRulesCache = {};

  /* The CLDR plural category of count in the page's language ("other" without Intl). */
  function pluralCategory(count) {
    var lang = i18nData().lang || (typeof document !== "undefined" && document.documentElement.lang) || "en";
    try {
      if (!pluralRulesCache[lang]) {
        pluralRulesCache[lang] = new Intl.PluralRules(lang);
      }
      return pluralRulesCache[lang].select(Number(count));
    } catch (e) {
      return Number(count) === 1 ? "one" : "other";
    }
  }

  function t(key, params) {
    var strings = i18nData().strings || {};
    var value = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : null;
    var p = params || {};
    if (value && typeof value === "object") {
      var forms = value;
      value = null;
      if (typeof p.count === "number" || typeof p.count === "string") {
        value = forms[pluralCategory(p.count)];
      }
      if (typeof value !== "string") {
        value = forms.other;
      }
    }
    if (typeof value !== "string") {
      return String(key);
    }
    return value.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, function (whole, name) {
      if (!name) {
        return whole.charAt(0);
      }
      if (!Object.prototype.hasOwnProperty.call(p, name) || p[name] === null || p[name] === undefined) {
        return whole;
      }
      return typeof p[name] === "number" ? formatNumber(p[name], 2) : String(p[name]);
    });
  }
