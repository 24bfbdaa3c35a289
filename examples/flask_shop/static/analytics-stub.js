/* A local stand-in for Google Analytics (the example runs without internet): it sets the cookies the statement
 * declares for statistics and marks the page, so that you can see when it runs. */
(function () {
  "use strict";
  var twoYears = 60 * 60 * 24 * 730;
  document.cookie = "_ga=GA1.1.stub." + Date.now() + "; path=/; max-age=" + twoYears + "; SameSite=Lax";
  document.cookie = "_ga_MONALISA=GS1.1.stub; path=/; max-age=" + twoYears + "; SameSite=Lax";
  document.documentElement.setAttribute("data-stats-loaded", "");
}());
