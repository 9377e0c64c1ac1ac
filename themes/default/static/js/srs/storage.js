  /* ================================================================ the page */

  var api = window.handbook || {};
  window.handbook = api;
  api.srs = core;

  /* ---------------------------------------------------------------- storage */

  var STORE_NAME = "srs";
  var memory = null; // used when local storage is unavailable
  var storageBroken = false;

  function storageKey() {
    if (api.storageKey) {
      return api.storageKey(STORE_NAME);
    }
    return "handbook:" + (slug(document.documentElement.getAttribute("data-handbook")) || "handbook") + ":" + STORE_NAME;
  }

  var warned = {};

  /* Reads the stored state; damaged parts are left out with a console warning (once each). */
  function readNow() {
    var text = null;
    try {
      text = window.localStorage.getItem(storageKey());
    } catch (e) {
      storageBroken = true;
    }
    var read = readStored(text);
    read.text = text;
    read.dropped.forEach(function (what) {
      if (!warned[what] && window.console && console.warn) {
        warned[what] = true;
        console.warn("handbook: ignored damaged practice data: " + what);
      }
    });
    return read;
  }

  function load() {
    if (memory) {
      return JSON.parse(JSON.stringify(memory));
    }
    return readNow().state;
  }

  /** Applies `change(state)` to the freshest stored state and writes it back. Data this
   * version cannot read (or damaged entries) is copied to "<key>:backup" first (and never
   * overwritten when that copy fails); data of a newer version is never overwritten. When the
   * browser refuses, the change lasts for this page view and the learner is told. */
  function update(change) {
    if (memory) {
      change(memory);
      tryFlush();
      return memory;
    }
    var key = storageKey();
    var read = readNow();
    var state = read.state;
    change(state);
    lastWriteOk = false;
    if (storageBroken || read.problem === "newer") {
      memory = state;
      warnStorage(read.problem !== "newer");
      return state;
    }
    try {
      if (read.problem === "unreadable" || read.problem === "damaged") {
        keepCopy(key, read.text);
      }
      window.localStorage.setItem(key, JSON.stringify(state));
      lastWriteOk = true;
    } catch (e) {
      storageBroken = true;
      memory = state;
      warnStorage(true);
    }
    return state;
  }

  /* Whether the last update() reached storage. */
  var lastWriteOk = true;

  /* After a failed write, each later change tries storage again (space may have been freed). */
  function tryFlush() {
    lastWriteOk = false;
    try {
      var read = readNow();
      if (read.problem === "newer") {
        return;
      }
      if (read.problem === "unreadable" || read.problem === "damaged") {
        keepCopy(storageKey(), read.text);
      }
      window.localStorage.setItem(storageKey(), JSON.stringify(memory));
      lastWriteOk = true;
      memory = null;
      storageBroken = false;
      hideStorageWarning();
    } catch (e) {
      warnStorage(true);
    }
  }

  /* "<key>:backup", or "<key>:backup:<time>" when an older copy is there; throws when full. */
  function keepCopy(key, text) {
    var existing = window.localStorage.getItem(key + ":backup");
    if (existing !== text) {
      window.localStorage.setItem(existing === null ? key + ":backup" : key + ":backup:" + new Date().toISOString(), text);
    }
  }

  function hideStorageWarning() {
    var forms = document.querySelectorAll("[data-srs] .srs-storage-warning");
    for (var i = 0; i < forms.length; i++) {
      forms[i].hidden = true;
    }
  }

  /* Practice data for progress files: this page view's copy when storage failed. */
  api.practiceStore = {
    load: load,
    inMemory: function () {
      return !!memory;
    }
  };

  /* Shows each form's storage warning; `refused` (the browser would not store, rather than
     data of a newer version) also raises the page's alert offering a progress file. */
  function warnStorage(refused) {
    var forms = document.querySelectorAll("[data-srs] .srs-storage-warning");
    for (var i = 0; i < forms.length; i++) {
      forms[i].hidden = false;
    }
    if (refused && api.progress && api.progress.reportTrouble) {
      api.progress.reportTrouble();
    }
  }

