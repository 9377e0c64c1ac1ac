  /* ---- shared/download.js: included at build time (`//= include js/shared/download.js`)
     inside a script's function. ---- */

  /* download(text, name, type): saves `text` as a file called `name` (default type JSON)
     through a download link; nothing leaves the browser. The object URL is let go a while
     after the click, once the browser has read it. */
  function download(text, name, type) {
    var blob = new Blob([text], { type: type || "application/json" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
  }
