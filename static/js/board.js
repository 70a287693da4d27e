// Drag a board card onto another column: it submits the card's own "Move to" form,
// so dragging and the keyboard control go through the same request.
(function () {
  "use strict";
  var dragged = null;

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".board-card");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.application);
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    document.querySelectorAll(".board-column.drop-target").forEach(function (column) {
      column.classList.remove("drop-target");
    });
  });

  document.addEventListener("dragover", function (event) {
    var column = event.target.closest && event.target.closest(".board-column");
    if (!column || !dragged) return;
    event.preventDefault();
    column.classList.add("drop-target");
  });

  document.addEventListener("dragleave", function (event) {
    var column = event.target.closest && event.target.closest(".board-column");
    if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-target");
  });

  document.addEventListener("drop", function (event) {
    var column = event.target.closest && event.target.closest(".board-column");
    if (!column || !dragged) return;
    event.preventDefault();
    var form = dragged.querySelector("form.board-move");
    if (form.stage.value === column.dataset.stage) return;
    form.stage.value = column.dataset.stage;
    form.requestSubmit();
  });
})();
