  /* ---------------------------------------------------------------- printing */

  var doc = document.documentElement;

  function endPrint() {
    doc.classList.remove("srs-printing", "srs-print-blank");
    var targets = document.querySelectorAll(".srs-print-target");
    for (var i = 0; i < targets.length; i++) {
      targets[i].classList.remove("srs-print-target");
    }
  }

  /** Prints only `form`, with no marks: the paper form. */
  function printBlank(form) {
    endPrint();
    doc.classList.add("srs-printing", "srs-print-blank");
    form.classList.add("srs-print-target");
    if (typeof window.print === "function") {
      window.print();
    }
  }

  window.addEventListener("afterprint", endPrint);

