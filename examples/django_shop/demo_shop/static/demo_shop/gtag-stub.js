/* Stand-in for Google's gtag.js (https://www.googletagmanager.com/gtag/js?id=G-…), which a real shop loads here.
 * The demo has no network: this file only records that it ran and sets the cookies gtag.js would set, where it would. */
(function () {
  "use strict";
  // Like gtag.js (cookie_domain "auto") and the pixel: on the highest domain that accepts the cookie (.shop.fi for
  // www.shop.fi), host-only on an IP address or localhost.
  function setAuto(name, value, maxAge) {
    var parts = location.hostname.split(".");
    var tail = "; path=/; max-age=" + maxAge + "; SameSite=Lax";
    if (!/^[0-9.]+$/.test(location.hostname)) {
      for (var i = parts.length - 1; i > 0; i--) {
        document.cookie = name + "=" + value + "; domain=" + parts.slice(i).join(".") + tail;
        if (document.cookie.split("; ").indexOf(name + "=" + value) >= 0) { return; }
      }
    }
    document.cookie = name + "=" + value + tail;
  }
  window.rkDemo = window.rkDemo || { ran: [] };
  window.rkDemo.ran.push("google-analytics");
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push(["js", new Date()], ["config", "G-DEMO000000"]);
  setAuto("_ga", "GA1.1.1234567890.1700000000", 63072000);
  setAuto("_ga_DEMO000000", "GS1.1.1700000000.1.0.1700000000.0.0.0", 63072000);
  // With Google Ads linked, gtag.js also sets the conversion linker's _gcl_au (90 days), but only while Consent
  // Mode grants ad_storage: the last consent command in the dataLayer decides.
  var adStorage = "denied";
  window.dataLayer.forEach(function (entry) {
    if (entry && entry[0] === "consent" && entry[2] && entry[2].ad_storage) { adStorage = entry[2].ad_storage; }
  });
  if (adStorage === "granted") { setAuto("_gcl_au", "1.1.1234567890.1700000000", 7776000); }
})();
