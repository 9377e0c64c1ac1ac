  /* ------------------------------------------------------------ the manifest (lazy) */

  var manifestWaiters = null;

  function manifest(callback) {
    if (window.HANDBOOK_PROGRESS_DATA) {
      callback(window.HANDBOOK_PROGRESS_DATA);
      return;
    }
    if (manifestWaiters) {
      manifestWaiters.push(callback);
      return;
    }
    manifestWaiters = [callback];
    var done = function () {
      var waiters = manifestWaiters;
      manifestWaiters = null;
      var data = window.HANDBOOK_PROGRESS_DATA || null;
      waiters.forEach(function (w) {
        w(data);
      });
    };
    var el = document.createElement("script");
    el.src = root + "progress-data.js" + version;
    el.async = true;
    el.onload = done;
    el.onerror = done;
    document.head.appendChild(el);
  }

