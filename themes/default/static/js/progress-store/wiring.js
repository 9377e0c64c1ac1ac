  /* ------------------------------------------------------------ wiring */

  api.progress = {
    key: KEY,
    practiceKey: SRS_KEY,
    schema: SCHEMA,
    root: root,
    available: !!storage,
    normalize: function (state, problems) {
      return normalize(state, problems || []);
    },
    read: read,
    readPractice: readPractice,
    savePractice: savePractice,
    validEntry: validPracticeEntry,
    markExported: markExported,
    reportTrouble: reportTrouble,
    saveFileNow: saveFileNow,
    isReadOnly: function () {
      return readOnly;
    },
    lastError: function () {
      return lastError;
    },
    load: load,
    update: update,
    replace: replace,
    clear: clear,
    pagePath: pagePath,
    questionState: questionState,
    summarize: summarize,
    manifest: manifest,
    refreshMarks: markSidebar
  };

  window.addEventListener("handbook:progress", markSidebar);
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      changed({ external: true });
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      markSidebar();
      trackReading();
    });
  } else {
    markSidebar();
    trackReading();
  }
