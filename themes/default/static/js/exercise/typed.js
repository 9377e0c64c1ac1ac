  /* ------------------------------------------------------------ typed drafts */

  /* Nothing a learner types is lost. Whatever is typed into a text field of a question (an
     input other than an option, or a textarea) is saved by its type's saveTyped hook
     TYPED_DELAY ms after the last keystroke, and at once when the field loses focus, when the
     page is hidden (visibilitychange: a phone switching apps, whose tab may never come back)
     or left (pagehide: a reload or a closed tab, neither of which blurs the field). Every
     question type gets this from the frame (Question); a type only says what to save. */
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

  /* The hooks of a question answered by typing into its [data-input] (short, reflection). */
  function typedResponse(q) {
    return q.text ? q.text.value : "";
  }

  function typedIsEmpty(q, response) {
    return !String(response).trim();
  }
