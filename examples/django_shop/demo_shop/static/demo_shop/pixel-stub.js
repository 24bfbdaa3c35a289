/* Stand-in for the Meta Pixel (https://connect.facebook.net/en_US/fbevents.js), which a real shop loads here.
 * The demo has no network: this file only records that it ran and sets the cookie the pixel would set. */
(function () {
  "use strict";
  window.rkDemo = window.rkDemo || { ran: [] };
  window.rkDemo.ran.push("meta-pixel");
  window.fbq = window.fbq || function () { (window.fbq.queue = window.fbq.queue || []).push(arguments); };
  window.fbq("init", "000000000000000");
  window.fbq("track", "PageView");
  document.cookie = "_fbp=fb.1.1700000000000.1234567890; path=/; max-age=7776000; SameSite=Lax";
})();
