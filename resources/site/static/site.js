/* kbdesk site: copy buttons of phrasings, and the timer of procedure checklists. */
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext !== false) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  document.querySelectorAll(".copy-button").forEach(function (button) {
    var label = button.textContent;
    button.addEventListener("click", function () {
      var text = button.parentNode.querySelector(".copy-text").textContent;
      copy(text).then(function () {
        button.textContent = "已複製";
        button.classList.add("copied");
      }, function () {
        button.textContent = "請手動複製";
      });
      setTimeout(function () { button.textContent = label; button.classList.remove("copied"); },
                 2000);
    });
  });

  var timer = document.querySelector("[data-timer]");
  if (timer) {
    timer.hidden = false;
    var output = timer.querySelector("[data-timer-elapsed]");
    var started = null;
    var steps = Array.prototype.slice.call(document.querySelectorAll(".step"));
    var tick = function () {
      var seconds = Math.floor((Date.now() - started) / 1000);
      var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
      output.textContent = (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (s < 10 ? "0" : "") + s;
      steps.forEach(function (step) {
        var limit = parseInt(step.getAttribute("data-limit"), 10);
        var done = step.querySelector(".step-check").checked;
        step.classList.toggle("overdue", !done && !isNaN(limit) && seconds > limit);
      });
    };
    timer.querySelector("[data-timer-start]").addEventListener("click", function (ev) {
      started = Date.now();
      ev.target.textContent = "重新計時";
      tick();
      if (!timer.dataset.running) { timer.dataset.running = "1"; setInterval(tick, 1000); }
    });
    steps.forEach(function (step) {
      step.querySelector(".step-check").addEventListener("change", function (ev) {
        step.classList.toggle("done", ev.target.checked);
        if (started !== null) tick();
      });
    });
  }
})();
