  /* ------------------------------------------------------------ type: reflection */

  /* Not graded: a text area kept in the browser as it is written ([data-saved] says where it
     is), and a model answer ([data-action=model]) once something is written. */
  (function () {
    function setup(q) {
      q.saved = q.root.querySelector("[data-saved]");
    }

    /* Each keystroke: "Saving..." until saveTyped runs (typed.js). */
    function typing(q) {
      if (q.saved) {
        q.saved.hidden = false;
        q.saved.textContent = t("exercise.saving");
      }
      if (q.feedback.querySelector(".question-notice")) {
        clear(q.feedback);
      }
    }

    /* What is written is the response itself (there is no Check), "written" once not blank. */
    function saveTyped(q) {
      var text = typedResponse(q);
      var ok = q.exercise.save(q, function (rec) {
        rec.response = text;
        rec.status = text.trim() ? "written" : "";
        if (!text.trim()) {
          delete rec.status;
        }
      });
      if (q.saved) {
        q.saved.hidden = false;
        q.saved.textContent = ok
          ? t(q.exercise.track && store().available !== false ? "exercise.saved" : "exercise.not_saved")
          : t("exercise.save_failed");
      }
    }

    function model(q) {
      if (!q.text || !q.text.value.trim()) {
        q.notice(t("exercise.write_first"));
        if (q.text) {
          q.text.focus();
        }
        return;
      }
      q.typed.flush();
      q.exercise.save(q, function (rec) {
        rec.modelShown = true;
      });
      showModel(q);
    }

    function showModel(q) {
      clear(q.feedback);
      var solution = q.panel && q.panel.querySelector("[data-solution]");
      if (solution) {
        var heading = el("p", "question-verdict is-revealed");
        heading.appendChild(el("strong", null, t("exercise.model_answer")));
        q.feedback.appendChild(heading);
        var copy = solution.cloneNode(true);
        copy.removeAttribute("data-solution");
        q.feedback.appendChild(copy);
      }
      q.appendExplanation();
      show(q.buttons.model, false);
    }

    questionType(["reflection"], {
      graded: false,
      optionFeedback: false,
      setup: setup,
      typing: typing,
      saveTyped: saveTyped,
      response: typedResponse,
      isEmpty: typedIsEmpty,
      action: function (q, button) {
        if (button.getAttribute("data-action") === "model") {
          model(q);
        }
      },
      restore: function (q, rec, external) {
        if (rec && typeof rec.response === "string" && q.text && (!external || document.activeElement !== q.text)) {
          q.text.value = rec.response;
        }
        if (rec && rec.modelShown && rec.response && String(rec.response).trim()) {
          showModel(q);
        }
      }
    });
  })();
