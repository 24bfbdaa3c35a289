/* rekisterikit scan: an offline stand-in for Google's gtag.js (https://www.googletagmanager.com/gtag/js?id=G-…).
 * It does what matters to a cookie scan the way the real library does: it sets _ga and _ga_<container-id> with
 * their two-year lifetime on the highest domain that accepts them ("auto" cookie domain: .shop.fi for
 * www.shop.fi), sets _gcl_au when ad storage is granted in Consent Mode, and sends a measurement beacon to
 * region1.google-analytics.com. It sends nothing anywhere unless the scanner intercepts it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var match = script && /[?&]id=([^&]+)/.exec(script.src);
  var id = match ? decodeURIComponent(match[1]) : "G-STANDIN";
  var twoYears = 60 * 60 * 24 * 730;
  var ninetyDays = 60 * 60 * 24 * 90;

  function has(name, value) {
    return document.cookie.split("; ").some(function (c) { return c === name + "=" + value; });
  }
  function setAuto(name, value, maxAge) {
    var host = location.hostname;
    var parts = host.split(".");
    var tail = "; path=/; max-age=" + maxAge + "; SameSite=Lax";
    if (/^[0-9.]+$/.test(host) || host.indexOf(":") >= 0 || parts.length < 2) {
      document.cookie = name + "=" + value + tail;
      return;
    }
    for (var i = parts.length - 1; i >= 0; i--) {
      var domain = parts.slice(i).join(".");
      document.cookie = name + "=" + value + "; domain=" + domain + tail;
      if (has(name, value)) { return; }
    }
    document.cookie = name + "=" + value + tail;
  }
  function adStorageGranted() {
    var granted = false;
    (window.dataLayer || []).forEach(function (entry) {
      if (entry && entry[0] === "consent" && entry[2] && entry[2].ad_storage) {
        granted = entry[2].ad_storage === "granted";
      }
    });
    return granted;
  }

  var clientId = Math.floor(Math.random() * 2147483647) + "." + Math.floor(Date.now() / 1000);
  setAuto("_ga", "GA1.1." + clientId, twoYears);
  setAuto("_ga_" + id.replace(/^G-/, ""), "GS1.1." + Math.floor(Date.now() / 1000) + ".1.0", twoYears);
  if (adStorageGranted()) { setAuto("_gcl_au", "1.1." + clientId, ninetyDays); }
  var beacon = "https://region1.google-analytics.com/g/collect?v=2&tid=" + encodeURIComponent(id) +
    "&cid=" + encodeURIComponent(clientId) + "&en=page_view";
  if (navigator.sendBeacon) { navigator.sendBeacon(beacon); } else { new Image().src = beacon; }
  document.documentElement.setAttribute("data-standin-gtag", id);
}());
