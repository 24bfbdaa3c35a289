/*! rekisterikit consent.js — dependency-free cookie consent banner behaviour. MIT licence.
 *
 * - activates <script type="text/plain" data-rk-category="…" [data-src="…"]> for the granted categories;
 * - submits the banner form in the background (Accept: application/json), hides the banner, deletes declined
 *   cookies, updates Google Consent Mode, and activates newly granted scripts without a reload;
 *   a withdrawal reloads the page, because scripts that already ran cannot be unloaded;
 * - reopens the banner from any [data-rk-open] link;
 * - does the same for the settings page form ([data-rk-consent-page]), showing a "saved" status there;
 * - fires a "rk:consent" event on document with the server's answer as detail.
 * Without JavaScript the banner is a plain form and the server redirects back.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-rk-consent]");
  var page = document.querySelector("[data-rk-consent-page]");
  var holder = root || page;

  function granted() {
    var value = holder ? holder.getAttribute("data-rk-granted") || "" : "";
    return value.split(/\s+/).filter(function (c) { return c.length > 0; });
  }

  function activate(categories) {
    var pending = document.querySelectorAll('script[type="text/plain"][data-rk-category]');
    Array.prototype.forEach.call(pending, function (old) {
      if (categories.indexOf(old.getAttribute("data-rk-category")) < 0) { return; }
      var script = document.createElement("script");
      Array.prototype.forEach.call(old.attributes, function (attr) {
        if (attr.name !== "type" && attr.name !== "data-src" && attr.name !== "nonce") {
          script.setAttribute(attr.name, attr.value);
        }
      });
      if (old.nonce) { script.nonce = old.nonce; }
      script.setAttribute("data-rk-activated", "");
      script.removeAttribute("data-rk-category");
      script.setAttribute("data-rk-for", old.getAttribute("data-rk-category"));
      var src = old.getAttribute("data-src");
      if (src) {
        script.async = false;
        script.src = src;
      } else {
        script.text = old.text;
      }
      old.parentNode.replaceChild(script, old);
    });
  }

  function deleteCookie(name) {
    var host = location.hostname;
    var domains = [""];
    var parts = host.split(".");
    for (var i = 0; i < parts.length - 1; i++) {
      domains.push(parts.slice(i).join("."));
    }
    domains.forEach(function (domain) {
      var suffix = domain ? "; domain=" + domain : "";
      document.cookie = name + "=; Max-Age=0; path=/" + suffix;
    });
  }

  function setStatus(container, text) {
    var status = container && container.querySelector(".rk-consent__status");
    if (status) { status.textContent = text || ""; }
  }

  function show(openSettings) {
    if (!root) { return false; }
    root.hidden = false;
    var details = root.querySelector(".rk-consent__settings");
    if (details && openSettings) { details.open = true; }
    var title = root.querySelector(".rk-consent__title");
    if (title) { title.focus(); }
    return true;
  }

  function hide() {
    if (!root) { return; }
    var hadFocus = root.contains(document.activeElement);
    root.hidden = true;
    if (hadFocus) {
      var opener = document.querySelector("[data-rk-open]");
      if (opener) { opener.focus(); }
    }
  }

  function syncBoxes(categories) {
    [root, page].forEach(function (container) {
      if (!container) { return; }
      var boxes = container.querySelectorAll('input[type="checkbox"][name="rk-category"]');
      Array.prototype.forEach.call(boxes, function (box) {
        if (!box.disabled) { box.checked = categories.indexOf(box.value) >= 0; }
      });
    });
  }

  function apply(answer, container) {
    var before = granted();
    var now = answer.consent.granted;
    [root, page].forEach(function (c) {
      if (c) {
        c.setAttribute("data-rk-granted", now.join(" "));
        c.setAttribute("data-rk-decided", "true");
      }
    });
    (answer.delete_cookies || []).forEach(deleteCookie);
    if (typeof window.gtag === "function" && answer.consent_mode) {
      window.gtag("consent", "update", answer.consent_mode);
    }
    var event;
    try {
      event = new CustomEvent("rk:consent", { detail: answer });
    } catch (e) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("rk:consent", false, false, answer);
    }
    document.dispatchEvent(event);
    var withdrawn = before.some(function (c) { return now.indexOf(c) < 0; });
    if (withdrawn) {
      location.reload();
      return;
    }
    syncBoxes(now);
    activate(now);
    if (container === root) {
      hide();
    } else {
      setStatus(container, container.getAttribute("data-rk-saved"));
    }
  }

  function fallback(f, submitter) {
    if (submitter && submitter.name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = submitter.name;
      input.value = submitter.value;
      f.appendChild(input);
    }
    HTMLFormElement.prototype.submit.call(f);
  }

  function bind(container) {
    var f = container ? container.querySelector("form") : null;
    if (!f) { return; }
    var lastButton = null;
    f.addEventListener("click", function (e) {
      var button = e.target && e.target.closest ? e.target.closest("button[type=submit]") : null;
      if (button) { lastButton = button; }
    });
    f.addEventListener("submit", function (e) {
      if (!window.fetch || !window.URLSearchParams || !window.FormData) { return; }
      var submitter = e.submitter || lastButton;
      e.preventDefault();
      var data = new FormData(f);
      if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
      var body = new URLSearchParams();
      data.forEach(function (value, key) { if (typeof value === "string") { body.append(key, value); } });
      var buttons = f.querySelectorAll("button");
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      var done = function () { Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; }); };
      window.fetch(f.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-Requested-With": "XMLHttpRequest" }
      }).then(function (response) {
        if (!response.ok) { throw new Error("consent endpoint answered " + response.status); }
        return response.json();
      }).then(function (answer) {
        done();
        apply(answer, container);
      }).catch(function () {
        done();
        fallback(f, submitter);
      });
    });
  }

  document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("[data-rk-open]") : null;
    if (link && show(true)) { e.preventDefault(); }
  });

  window.rekisterikit = window.rekisterikit || {};
  window.rekisterikit.consent = {
    granted: granted,
    open: function () { return show(true); },
    activate: activate
  };

  bind(root);
  bind(page);
  if (holder) { activate(granted()); }
})();
