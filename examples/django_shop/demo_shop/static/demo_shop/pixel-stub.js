/* Stand-in for the Meta Pixel (https://connect.facebook.net/en_US/fbevents.js), which a real shop loads here.
 * The demo has no network: this file only records that it ran and sets the cookie the pixel would set, where it would. */
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
  window.rkDemo.ran.push("meta-pixel");
  window.fbq = window.fbq || function () { (window.fbq.queue = window.fbq.queue || []).push(arguments); };
  window.fbq("init", "000000000000000");
  window.fbq("track", "PageView");
  setAuto("_fbp", "fb.1.1700000000000.1234567890", 7776000);
})();
