/* Stand-in for Google's gtag.js (https://www.googletagmanager.com/gtag/js?id=G-…), which a real shop loads here.
 * The demo has no network: this file only records that it ran and sets the cookie gtag.js would set. */
(function () {
  "use strict";
  window.rkDemo = window.rkDemo || { ran: [] };
  window.rkDemo.ran.push("google-analytics");
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push(["js", new Date()], ["config", "G-DEMO000000"]);
  document.cookie = "_ga=GA1.1.1234567890.1700000000; path=/; max-age=63072000; SameSite=Lax";
})();
