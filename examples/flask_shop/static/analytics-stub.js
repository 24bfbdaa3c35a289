/* A local stand-in for Google Analytics (the example runs without internet): it sets the cookies the statement
 * declares for statistics the way gtag.js does — two years, on the highest domain that accepts them (.shop.fi for
 * www.shop.fi; the host itself on 127.0.0.1) — and marks the page, so that you can see when it runs. */
(function () {
  "use strict";
  var twoYears = 60 * 60 * 24 * 730;
  function setAuto(name, value) {
    var parts = location.hostname.split(".");
    var tail = "; path=/; max-age=" + twoYears + "; SameSite=Lax";
    if (!/^[0-9.]+$/.test(location.hostname)) {
      for (var i = parts.length - 1; i > 0; i--) {
        document.cookie = name + "=" + value + "; domain=" + parts.slice(i).join(".") + tail;
        if (document.cookie.split("; ").indexOf(name + "=" + value) >= 0) { return; }
      }
    }
    document.cookie = name + "=" + value + tail;
  }
  setAuto("_ga", "GA1.1.stub." + Date.now());
  setAuto("_ga_MONALISA", "GS1.1.stub." + Date.now());
  document.documentElement.setAttribute("data-stats-loaded", "");
}());
