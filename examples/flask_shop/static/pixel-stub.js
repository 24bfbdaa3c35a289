/* A local stand-in for the Meta Pixel: sets the marketing cookie the statement declares the way the pixel does —
 * 90 days, on the highest domain that accepts it (.shop.fi for www.shop.fi) — and marks the page. */
(function () {
  "use strict";
  var value = "fb.1.stub." + Date.now();
  var parts = location.hostname.split(".");
  var tail = "; path=/; max-age=" + (60 * 60 * 24 * 90) + "; SameSite=Lax";
  if (!/^[0-9.]+$/.test(location.hostname)) {
    for (var i = parts.length - 1; i > 0; i--) {
      document.cookie = "_fbp=" + value + "; domain=" + parts.slice(i).join(".") + tail;
      if (document.cookie.split("; ").indexOf("_fbp=" + value) >= 0) { break; }
    }
  }
  if (document.cookie.split("; ").indexOf("_fbp=" + value) < 0) { document.cookie = "_fbp=" + value + tail; }
  document.documentElement.setAttribute("data-pixel-loaded", "");
}());
