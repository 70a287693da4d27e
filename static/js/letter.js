// The letter page's copy buttons; without JavaScript they stay hidden and the text can be selected.
(function () {
  "use strict";

  function copy(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  function setUp() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.dataset.copy);
      if (!field) return;
      var label = button.innerHTML;
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(field).then(function () {
          button.textContent = "Copied";
        }, function () {
          field.select();
          button.textContent = "Press Ctrl+C to copy";
        });
        window.setTimeout(function () { button.innerHTML = label; }, 2000);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
