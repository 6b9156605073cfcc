// "New since you last looked": marks the pages and timeline entries that changed after the
// reader's last visit. It remembers only the date of the newest change the reader was shown,
// in localStorage (no cookie, nothing sent anywhere); sessionStorage keeps that date for the
// rest of a visit, so moving between pages does not clear the marks. Works from file://.
(function () {
  "use strict";
  var script = document.currentScript;
  var siteChanged = script && script.getAttribute("data-site-changed");
  if (!siteChanged) return;
  var seenKey = "dossier:last-seen";
  var visitKey = "dossier:visit-baseline";
  var baseline;
  try {
    baseline = window.sessionStorage.getItem(visitKey);
    if (baseline === null) {
      // The first page of a visit: compare with what the last visit showed ("" on a first visit).
      baseline = window.localStorage.getItem(seenKey) || "";
      window.sessionStorage.setItem(visitKey, baseline);
    }
    var seen = window.localStorage.getItem(seenKey) || "";
    if (siteChanged > seen) window.localStorage.setItem(seenKey, siteChanged);
  } catch (error) {
    return; // storage is off: nothing to compare with
  }
  // A first visit shows nothing as new: all of it is.
  if (!baseline) return;

  var marks = [];
  function mark(element) {
    var badge = document.createElement("span");
    badge.className = "new-since-badge";
    badge.textContent = "New";
    element.classList.add("is-new");
    // Beside the entry's title: inside its heading, or after its first link.
    var title = element.querySelector("h2, h3, a");
    if (!title) element.appendChild(badge);
    else if (/^H[23]$/.test(title.tagName)) title.appendChild(badge);
    else title.insertAdjacentElement("afterend", badge);
    marks.push([element, badge]);
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-changed]"), function (element) {
    if (element.getAttribute("data-changed") > baseline) mark(element);
  });
  var own = document.querySelector(".last-changed time");
  var pageIsNew = own && own.getAttribute("datetime") > baseline;
  if (!marks.length && !pageIsNew) return;

  var main = document.getElementById("main");
  if (!main) return;
  var notice = document.createElement("div");
  notice.className = "new-since";
  notice.setAttribute("role", "status");
  var text = document.createElement("p");
  var entries = marks.length + (marks.length === 1 ? " entry" : " entries");
  text.textContent = pageIsNew
    ? "This page changed since your last visit" + (marks.length ? ", and so did " + entries + " below, marked “New”." : ".")
    : entries + " below changed since your last visit, marked “New”.";
  var clear = document.createElement("button");
  clear.type = "button";
  clear.textContent = "Mark all as seen";
  clear.addEventListener("click", function () {
    try {
      window.sessionStorage.setItem(visitKey, siteChanged);
      window.localStorage.setItem(seenKey, siteChanged);
    } catch (error) { /* the marks still go */ }
    marks.forEach(function (pair) {
      pair[0].classList.remove("is-new");
      pair[1].remove();
    });
    notice.remove();
  });
  text.appendChild(document.createTextNode(" "));
  text.appendChild(clear);
  notice.appendChild(text);
  main.insertBefore(notice, main.firstChild);
})();
