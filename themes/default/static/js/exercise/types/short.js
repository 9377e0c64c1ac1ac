  /* ------------------------------------------------------------ type: short */

  /* A text box graded against data-accept (and data-number, data-tolerance, data-unit,
     data-decimal, data-typos) by gradeShort (helpers.js); what is typed is kept as a draft
     before Check (typed.js). */
  (function () {
    var DETAILS = {
      out_of_range: "exercise.out_of_range",
      not_a_number: "exercise.not_a_number",
      not_accepted: "exercise.not_accepted"
    };

    /* What is typed is kept as the record's draft before Check by the frame (typed.js). */
    function setup(q) {
      if (!q.text) {
        return;
      }
      q.text.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.isComposing) {
          event.preventDefault();
          if (q.state === "idle") {
            q.check();
          }
        }
      });
    }

    function grade(q, response) {
      var r = q.root;
      var accept = [];
      try {
        accept = JSON.parse(r.getAttribute("data-accept") || "[]");
      } catch (e) {
        accept = [];
      }
      var number = null;
      if (r.hasAttribute("data-number")) {
        number = {
          value: parseFloat(r.getAttribute("data-number")),
          tolerance: parseFloat(r.getAttribute("data-tolerance") || "0"),
          unit: r.getAttribute("data-unit") || "",
          decimalComma: r.getAttribute("data-decimal") === ","
        };
      }
      var outcome = gradeShort(response, accept, number, r.getAttribute("data-typos") !== "false");
      return { correct: outcome === "correct", detail: DETAILS[outcome] ? t(DETAILS[outcome]) : "" };
    }

    questionType(["short"], {
      optionFeedback: false,
      setup: setup,
      response: typedResponse,
      isEmpty: typedIsEmpty,
      askFirst: function (q) {
        q.notice(t("exercise.type_first"));
        if (q.text) {
          q.text.focus();
        }
      },
      grade: grade,
      lock: function (q, locked) {
        if (q.text) {
          q.text.readOnly = locked;
        }
      },
      restoreDraft: function (q, draft) {
        if (q.text && typeof draft === "string" && document.activeElement !== q.text) {
          q.text.value = draft;
        }
      },
      restoreResponse: function (q, response) {
        if (q.text && typeof response === "string") {
          q.text.value = response;
        }
      }
    });
  })();
