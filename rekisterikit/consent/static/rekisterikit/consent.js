/*! rekisterikit consent.js — dependency-free cookie consent banner behaviour. MIT licence.
 *
 * - activates <script type="text/plain" data-rk-category="…" [data-rk-service="…"] [data-src="…"]> once the
 *   category (or that one service) is allowed;
 * - submits the banner form in the background (Accept: application/json), hides the banner, deletes declined
 *   cookies, updates Google Consent Mode, pushes {event: "rekisterikit_consent"} to the dataLayer, and activates
 *   newly allowed scripts and embeds without a reload; a withdrawal reloads the page, because scripts that
 *   already ran cannot be unloaded;
 * - keeps a category's box and its service boxes in step (a category is on when all its services are);
 * - embed placeholders ([data-rk-embed]): "load this once" puts the iframe in place, "always allow" records the
 *   service in the background and loads every placeholder of it;
 * - reopens the banner from any [data-rk-open] link, moves focus into it, and returns focus to the link after a
 *   decision or Escape (Escape closes a reopened banner, never the first one);
 * - the lazy settings layer: for a visitor who has decided, the page holds only a placeholder
 *   (<div data-rk-consent data-rk-layer="URL" hidden>); the reopen link then fetches the layer from URL (same
 *   origin, no-store), puts it in the placeholder's place and opens it; if that fails, the link is followed to the
 *   settings page (where it also leads without JavaScript);
 * - does the same for the settings page form ([data-rk-consent-page]), showing a "saved" status there;
 * - fires a "rk:consent" event on document with the server's answer as detail.
 * Without JavaScript the banner is a plain form and the server redirects back.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-rk-consent]");
  var page = document.querySelector("[data-rk-consent-page]");
  var holder = root || page;
  var opener = null;

  function words(name) {
    var value = holder ? holder.getAttribute(name) || "" : "";
    return value.split(/\s+/).filter(function (c) { return c.length > 0; });
  }
  function granted() { return words("data-rk-granted"); }
  function services() { return words("data-rk-services"); }

  function allowed(el, categories, keys) {
    var service = el.getAttribute("data-rk-service");
    if (service) { return keys.indexOf(service) >= 0; }
    return categories.indexOf(el.getAttribute("data-rk-category")) >= 0;
  }

  function activate(categories, keys) {
    keys = keys || services();
    var pending = document.querySelectorAll('script[type="text/plain"][data-rk-category]');
    Array.prototype.forEach.call(pending, function (old) {
      if (!allowed(old, categories, keys)) { return; }
      var script = document.createElement("script");
      Array.prototype.forEach.call(old.attributes, function (attr) {
        if (attr.name !== "type" && attr.name !== "data-src" && attr.name !== "nonce") {
          script.setAttribute(attr.name, attr.value);
        }
      });
      if (old.nonce) { script.nonce = old.nonce; }
      script.setAttribute("data-rk-activated", "");
      script.removeAttribute("data-rk-category");
      script.setAttribute("data-rk-for", old.getAttribute("data-rk-service") || old.getAttribute("data-rk-category"));
      var src = old.getAttribute("data-src");
      if (src) {
        script.async = false;
        script.src = src;
      } else {
        script.text = old.text;
      }
      old.parentNode.replaceChild(script, old);
    });
    var embeds = document.querySelectorAll("[data-rk-embed]");
    Array.prototype.forEach.call(embeds, function (el) {
      if (allowed(el, categories, keys)) { loadEmbed(el); }
    });
  }

  function loadEmbed(el) {
    var src = el.getAttribute("data-src");
    if (!src || !/^https?:\/\//i.test(src) || !el.parentNode) { return; }
    var frame = document.createElement("iframe");
    frame.className = "rk-embed-frame";
    frame.src = src;
    frame.title = el.getAttribute("data-title") || "";
    ["width", "height", "allow"].forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value) { frame.setAttribute(name, value); }
    });
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var hadFocus = el.contains(document.activeElement);
    el.parentNode.replaceChild(frame, el);
    if (hadFocus) { frame.focus(); }
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

  var loading = null;

  function layerUrl() {
    if (!root || root.querySelector("form")) { return null; }
    var url = root.getAttribute("data-rk-layer");
    if (!url) { return null; }
    try {
      var target = new URL(url, location.href);
      if (target.origin !== location.origin) { return null; }
      target.searchParams.set("next", location.pathname + location.search);
      return target.href;
    } catch (e) {
      return null;
    }
  }

  // The layer could not be loaded: follow the reopen link to the settings page, as without JavaScript.
  function leave(from) {
    if (from && from.matches && from.matches("a[href][data-rk-open]")) { location.href = from.href; }
  }

  // Fetch the settings layer for the placeholder, put it in its place, bind it and open it.
  function load(url, from) {
    if (loading) { return true; }
    if (!window.fetch || !window.URL) { return false; }
    if (from && from.setAttribute) { from.setAttribute("aria-busy", "true"); }
    loading = window.fetch(url, {
      method: "GET",
      mode: "same-origin",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Accept": "text/html", "X-Requested-With": "XMLHttpRequest" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || type.indexOf("text/html") < 0) {
        throw new Error("settings layer answered " + response.status);
      }
      return response.text();
    }).then(function (html) {
      var template = document.createElement("template");
      template.innerHTML = html;
      var fresh = template.content ? template.content.querySelector("[data-rk-consent]") : null;
      if (!fresh || !fresh.querySelector("form") || !root || !root.parentNode) {
        throw new Error("no settings layer in the answer");
      }
      // What this page has activated stays the reference for a withdrawal (which reloads); the ticks are the
      // server's, from the visitor's cookie.
      fresh.setAttribute("data-rk-granted", root.getAttribute("data-rk-granted") || "");
      fresh.setAttribute("data-rk-services", root.getAttribute("data-rk-services") || "");
      fresh.hidden = true;
      root.parentNode.replaceChild(fresh, root);
      if (holder === root) { holder = fresh; }
      root = fresh;
      bind(root);
      bindBoxes(root);
      return true;
    });
    loading.then(function () {
      loading = null;
      if (from && from.removeAttribute) { from.removeAttribute("aria-busy"); }
      show(true, from);
    }, function () {
      loading = null;
      if (from && from.removeAttribute) { from.removeAttribute("aria-busy"); }
      leave(from);
    });
    return true;
  }

  function show(openSettings, from) {
    if (!root) { return false; }
    var url = layerUrl();
    if (url) { return load(url, from || document.activeElement); }
    opener = from || document.activeElement;
    root.hidden = false;
    var details = root.querySelector(".rk-consent__settings");
    if (details && openSettings) { details.open = true; }
    var title = root.querySelector(".rk-consent__title");
    if (title) { title.focus(); }
    return true;
  }

  function hide() {
    if (!root) { return; }
    var active = document.activeElement;
    // The focus was in the banner (or fell to <body> when the pressed button was disabled during the request).
    var lost = !active || active === document.body || root.contains(active);
    root.hidden = true;
    if (lost && opener && document.contains(opener) && opener.focus) {
      opener.focus();  // back to the link (or control) the banner was opened from
    }
    opener = null;
  }

  function syncCategory(container, category) {
    var box = container.querySelector('input[type="checkbox"][name="rk-category"][value="' + category + '"]');
    var parts = container.querySelectorAll('input[type="checkbox"][data-rk-category-of="' + category + '"]');
    if (!box || !parts.length) { return; }
    var on = Array.prototype.filter.call(parts, function (p) { return p.checked; }).length;
    box.checked = on === parts.length;
    box.indeterminate = on > 0 && on < parts.length;
  }

  function syncBoxes(categories, keys) {
    [root, page].forEach(function (container) {
      if (!container) { return; }
      var boxes = container.querySelectorAll('input[type="checkbox"][name="rk-category"]');
      Array.prototype.forEach.call(boxes, function (box) {
        if (!box.disabled) { box.checked = categories.indexOf(box.value) >= 0; box.indeterminate = false; }
      });
      var parts = container.querySelectorAll('input[type="checkbox"][name="rk-service"]');
      Array.prototype.forEach.call(parts, function (box) { box.checked = keys.indexOf(box.value) >= 0; });
      Array.prototype.forEach.call(boxes, function (box) { syncCategory(container, box.value); });
    });
  }

  function bindBoxes(container) {
    if (!container) { return; }
    container.addEventListener("change", function (e) {
      var box = e.target;
      if (!box || box.type !== "checkbox") { return; }
      if (box.name === "rk-category") {
        var parts = container.querySelectorAll('input[data-rk-category-of="' + box.value + '"]');
        Array.prototype.forEach.call(parts, function (p) { p.checked = box.checked; });
        box.indeterminate = false;
      } else if (box.name === "rk-service") {
        syncCategory(container, box.getAttribute("data-rk-category-of"));
      }
    });
  }

  function pushDataLayer(answer, source) {
    window.dataLayer = window.dataLayer || [];
    window.dataLayer.push({
      event: "rekisterikit_consent",
      rekisterikit_source: source,
      rekisterikit_method: answer.consent.method,
      rekisterikit_categories: answer.consent.granted.slice(),
      rekisterikit_services: (answer.consent.services || []).slice(),
      rekisterikit_consent_mode: answer.consent_mode || null
    });
  }

  function apply(answer, container) {
    var before = granted();
    var beforeServices = services();
    var now = answer.consent.granted;
    var nowServices = answer.consent.services || [];
    [root, page].forEach(function (c) {
      if (c) {
        c.setAttribute("data-rk-granted", now.join(" "));
        c.setAttribute("data-rk-services", nowServices.join(" "));
        c.setAttribute("data-rk-decided", "true");
      }
    });
    (answer.delete_cookies || []).forEach(deleteCookie);
    if (typeof window.gtag === "function" && answer.consent_mode) {
      window.gtag("consent", "update", answer.consent_mode);
    }
    pushDataLayer(answer, "decision");
    var event;
    try {
      event = new CustomEvent("rk:consent", { detail: answer });
    } catch (e) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("rk:consent", false, false, answer);
    }
    document.dispatchEvent(event);
    var withdrawn = before.some(function (c) { return now.indexOf(c) < 0; }) ||
      beforeServices.some(function (k) { return nowServices.indexOf(k) < 0; });
    if (withdrawn) {
      location.reload();
      return;
    }
    syncBoxes(now, nowServices);
    activate(now, nowServices);
    if (container === root) {
      hide();
    } else if (container === page) {
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

  function send(f, submitter, container) {
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
      e.preventDefault();
      send(f, e.submitter || lastButton, container);
    });
  }

  function bindEmbeds() {
    var embeds = document.querySelectorAll("[data-rk-embed]");
    Array.prototype.forEach.call(embeds, function (el) {
      var once = el.querySelector("[data-rk-load-once]");
      if (once) {
        once.hidden = false;
        once.addEventListener("click", function () { loadEmbed(el); });
      }
      var f = el.querySelector("form");
      if (f) {
        f.addEventListener("submit", function (e) {
          if (!window.fetch || !window.URLSearchParams || !window.FormData) { return; }
          e.preventDefault();
          send(f, null, el);
        });
      }
    });
  }

  document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("[data-rk-open]") : null;
    if (link && show(true, link)) { e.preventDefault(); }
  });

  document.addEventListener("keydown", function (e) {
    if ((e.key === "Escape" || e.key === "Esc") && root && !root.hidden &&
        root.getAttribute("data-rk-decided") === "true") {
      hide();
    }
  });

  window.rekisterikit = window.rekisterikit || {};
  window.rekisterikit.consent = {
    granted: granted,
    services: services,
    open: function () { return show(true); },
    activate: activate
  };

  // Early in the document order: keyboard and screen reader users reach the banner first, wherever the shop put it
  // (after the page's own skip links, which stay the first thing on the page).
  if (root && document.body) {
    var first = document.body.firstElementChild;
    while (first && first !== root && first.matches && first.matches('a[href^="#"]')) {
      first = first.nextElementSibling;
    }
    if (first !== root) { document.body.insertBefore(root, first); }
  }
  bind(root);
  bind(page);
  bindBoxes(root);
  bindBoxes(page);
  bindEmbeds();
  if (holder) {
    activate(granted(), services());
    if (holder.getAttribute("data-rk-decided") === "true") {
      var stored = { consent: { granted: granted(), services: services(), method: "stored" }, consent_mode: null };
      pushDataLayer(stored, "stored");
    }
  }
})();
