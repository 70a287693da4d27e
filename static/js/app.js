// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Ask before destructive submits.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    // Long submits show progress and cannot be sent twice.
    if (form.dataset.busyMessage && !form.hasAttribute("hx-post")) {
      var button = form.querySelector("[type=submit]");
      if (button) {
        button.disabled = true;
        button.innerHTML = '<span class="spinner-border spinner-border-sm" aria-hidden="true"></span> ' +
          form.dataset.busyMessage;
      }
    }
  }, true);

  // Offsets in code points, the unit the server counts in.
  function codePointLength(text) {
    return Array.from(text).length;
  }

  function selectionOffsets(container, range) {
    var before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    var start = codePointLength(before.toString());
    return { start: start, end: start + codePointLength(range.toString()) };
  }

  // Selecting text in the pasted description offers "Add as requirement".
  function setUpSelectionAdd() {
    var button = document.getElementById("selection-add");
    if (!button) return;
    var pending = null;

    function hide() {
      button.classList.add("d-none");
      pending = null;
    }

    function onSelect() {
      var container = document.getElementById("posting-text");
      var selection = window.getSelection();
      if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) {
        hide();
        return;
      }
      var range = selection.getRangeAt(0);
      var text = range.toString().trim();
      if (!text || !container.contains(range.commonAncestorContainer)) {
        hide();
        return;
      }
      var offsets = selectionOffsets(container, range);
      var raw = range.toString();
      var lead = codePointLength(raw) - codePointLength(raw.replace(/^\s+/, ""));
      var trail = codePointLength(raw) - codePointLength(raw.replace(/\s+$/, ""));
      pending = { text: text.replace(/\s+/g, " "), start: offsets.start + lead, end: offsets.end - trail };
      var rect = range.getBoundingClientRect();
      button.style.top = window.scrollY + rect.bottom + 6 + "px";
      button.style.left = window.scrollX + rect.left + "px";
      button.classList.remove("d-none");
    }

    document.addEventListener("mouseup", function (event) {
      if (event.target !== button) window.setTimeout(onSelect, 0);
    });
    document.addEventListener("keyup", function (event) {
      if (event.shiftKey || event.key === "Shift") onSelect();
    });
    button.addEventListener("click", function () {
      var form = document.getElementById("add-requirement");
      if (!pending || !form) return;
      form.querySelector("textarea").value = pending.text;
      form.querySelector("[name=start]").value = pending.start;
      form.querySelector("[name=end]").value = pending.end;
      hide();
      window.getSelection().removeAllRanges();
      form.requestSubmit();
    });
  }

  // "Keep all" / "Drop all" on a list of checkboxes; "Write a strength for this" opens its form.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-check-all]");
    if (toggle) {
      var checked = toggle.dataset.checked === "true";
      document.querySelectorAll(toggle.dataset.checkAll + " input[type=checkbox]").forEach(function (box) {
        box.checked = checked;
      });
    }
    var opener = event.target.closest("[data-open-details]");
    if (opener) {
      var details = document.querySelector(opener.dataset.openDetails);
      details.open = true;
      var field = details.querySelector("input:not([type=hidden]), textarea");
      if (field) field.focus();
    }
  });

  // Copy buttons name the id of the field they copy; without JavaScript they stay hidden.
  function copyField(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  function setUpCopyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.dataset.copy);
      if (!field) return;
      var label = button.innerHTML;
      button.hidden = false;
      button.addEventListener("click", function () {
        copyField(field).then(function () {
          button.textContent = "Copied";
        }, function () {
          field.select();
          button.textContent = "Press Ctrl+C to copy";
        });
        window.setTimeout(function () { button.innerHTML = label; }, 2000);
      });
    });
  }

  // A new account takes the browser's time zone.
  function fillTimeZone() {
    var field = document.querySelector("input[name=time_zone][type=hidden]");
    if (field && !field.value && window.Intl) {
      field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    }
  }

  // After a download, offer to close the step the letter was for.
  document.addEventListener("submit", function (event) {
    if (!event.target.matches("form[data-download]")) return;
    document.querySelectorAll("[data-after-download]").forEach(function (note) {
      note.hidden = false;
    });
  });

  document.addEventListener("DOMContentLoaded", fillTimeZone);
  document.addEventListener("DOMContentLoaded", setUpSelectionAdd);
  document.addEventListener("DOMContentLoaded", setUpCopyButtons);
})();
