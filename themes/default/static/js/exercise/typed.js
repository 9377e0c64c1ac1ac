  /* ------------------------------------------------------------ drafts */

  /* Nothing a learner types or chooses is lost. Before Check, the answer is kept as the
     record's `draft` (never a status, an attempt or a response: progress, assignments, SCORM
     and the progress page go by those, so a draft is "not answered" everywhere), and put back
     on reload (restore.js); Check and Show answer replace it with the checked response.
     - Typed: whatever is typed into a text field of a question (an input other than an option,
       or a textarea) is saved by its type's saveTyped hook TYPED_DELAY ms after the last
       keystroke, and at once when the field loses focus, when the page is hidden
       (visibilitychange: a phone switching apps, whose tab may never come back) or left
       (pagehide: a reload or a closed tab, neither of which blurs the field).
     - Chosen: a change of an option (radio or checkbox) is saved at once, as is any change a
       type makes through its own controls (ordering's moves call q.saveDraft()).
     Every question type gets this from the frame (Question); a type only says what to save. */
  var TYPED_DELAY = 400;
  var NOT_TYPED = /^(radio|checkbox|button|submit|reset|image|file|range|color|hidden)$/;
  var typedFlushes = [];

  function isTypedField(node) {
    var tag = node && node.tagName ? node.tagName.toLowerCase() : "";
    return tag === "textarea" || (tag === "input" && !NOT_TYPED.test(node.type));
  }

  function flushTyped() {
    for (var i = 0; i < typedFlushes.length; i++) {
      typedFlushes[i]();
    }
  }

  /* Wires question q's text fields; returns { flush() (saves now what is unsaved), cancel()
     (forgets it: Check saved it as the response) }. */
  function keepTyped(q) {
    var timer = null;
    var pending = false;
    var cancel = function () {
      clearTimeout(timer);
      timer = null;
      pending = false;
    };
    var flush = function () {
      if (pending) {
        cancel();
        q.kind.saveTyped(q);
      }
    };
    q.root.addEventListener("input", function (event) {
      if (!isTypedField(event.target)) {
        return;
      }
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(flush, TYPED_DELAY);
      q.kind.typing(q);
    });
    q.root.addEventListener("focusout", function (event) {
      if (isTypedField(event.target)) {
        flush();
      }
    });
    q.root.addEventListener("change", function (event) {
      var type = event.target && event.target.type;
      if (type === "radio" || type === "checkbox") {
        q.saveDraft();
      }
    });
    if (!typedFlushes.length) {
      window.addEventListener("pagehide", flushTyped);
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") {
          flushTyped();
        }
      });
    }
    typedFlushes.push(flush);
    return { flush: flush, cancel: cancel };
  }

  /* Saves the response as the record's draft while the question is not checked (one without
     an answer clears the draft). */
  Question.prototype.saveDraft = function () {
    if (this.state !== "idle") {
      return;
    }
    var draft = this.response();
    var empty = this.kind.isEmpty(this, draft);
    this.exercise.save(this, function (rec) {
      if (empty) {
        delete rec.draft;
      } else {
        rec.draft = draft;
      }
    }, true);
  };

  /* The hooks of a question answered by typing into its [data-input] (short, reflection). */
  function typedResponse(q) {
    return q.text ? q.text.value : "";
  }

  function typedIsEmpty(q, response) {
    return !String(response).trim();
  }
