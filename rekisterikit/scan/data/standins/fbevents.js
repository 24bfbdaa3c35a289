/* rekisterikit scan: an offline stand-in for the Meta Pixel (https://connect.facebook.net/en_US/fbevents.js).
 * Like the real pixel it sets _fbp (90 days) on the highest domain that accepts it and sends a PageView to
 * www.facebook.com/tr. It sends nothing anywhere unless the scanner intercepts it. */
(function () {
  "use strict";
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
      document.cookie = name + "=" + value + "; domain=" + parts.slice(i).join(".") + tail;
      if (has(name, value)) { return; }
    }
    document.cookie = name + "=" + value + tail;
  }
  var pixelId = "";
  var queue = (window.fbq && window.fbq.queue) || [];
  queue.forEach(function (args) { if (args[0] === "init") { pixelId = String(args[1]); } });
  var value = "fb.1." + Date.now() + "." + Math.floor(Math.random() * 2147483647);
  setAuto("_fbp", value, ninetyDays);
  new Image().src = "https://www.facebook.com/tr/?id=" + encodeURIComponent(pixelId || "0") + "&ev=PageView";
  document.documentElement.setAttribute("data-standin-pixel", pixelId || "0");
}());
