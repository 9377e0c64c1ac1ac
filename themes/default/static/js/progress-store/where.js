  /* ------------------------------------------------------------ where things are */

  var script = document.currentScript;
  var scriptUrl = script && script.src ? script.src : "";
  var version = scriptUrl.indexOf("?") >= 0 ? scriptUrl.slice(scriptUrl.indexOf("?")) : "";
  var root = scriptUrl
    ? scriptUrl.replace(/[?#].*$/, "").replace(/assets\/js\/[^/]*$/, "")
    : new URL("./", window.location.href).href;

//= include js/shared/slug.js

  function storageKey(name) {
    if (typeof api.storageKey === "function") {
      return api.storageKey(name);
    }
    return "handbook:" + (slug(document.documentElement.getAttribute("data-handbook")) || "handbook") + ":" + name;
  }

  var KEY = storageKey("progress");
  var SRS_KEY = storageKey("srs");

  var storage = null;
  try {
    storage = window.localStorage;
    var probe = KEY + ":probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
  } catch (e) {
    storage = null;
  }

  /* The page view's copy of each key whose last write failed (or of every key when storage is
     unavailable): what the learner did here stays visible and goes into a progress file. */
  var memory = {};
  var readOnly = false;
  var lastError = "";

  function warn(message) {
    if (window.console && console.warn) {
      console.warn("handbook: " + message);
    }
  }

  function empty() {
    return { schema: SCHEMA, learner: "", reading: {}, exercises: {} };
  }

//= include js/shared/stored.js

  function getRaw(key) {
    if (Object.prototype.hasOwnProperty.call(memory, key)) {
      return memory[key];
    }
    if (!storage) {
      return null;
    }
    try {
      return storage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  /* Writes (or removes, text null) one key; false when the browser refuses. The text is then
     kept in memory for this page view, and the learner is told (reportTrouble). */
  function putRaw(key, text) {
    var ok = false;
    if (storage) {
      try {
        if (text === null) {
          storage.removeItem(key);
        } else {
          storage.setItem(key, text);
        }
        ok = true;
      } catch (e) {
        warn("the browser refused to store " + key + " (" + (e && e.name) + ")");
      }
    }
    if (ok) {
      delete memory[key];
    } else {
      memory[key] = text;
    }
    return ok;
  }

  /* Keeps a copy of damaged stored text before it is first overwritten: "<key>:backup", or
     "<key>:backup:<time>" when an older copy is already there. */
  function keepCopy(key, raw) {
    if (!storage) {
      return false;
    }
    try {
      var existing = storage.getItem(key + ":backup");
      if (existing === raw) {
        return true;
      }
      storage.setItem(existing === null ? key + ":backup" : key + ":backup:" + new Date().toISOString(), raw);
      warn("kept a copy of the damaged data of " + key + " in " + key + ":backup");
      return true;
    } catch (e) {
      return false;
    }
  }

