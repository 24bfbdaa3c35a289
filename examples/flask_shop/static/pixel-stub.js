/* A local stand-in for the Meta Pixel: sets the marketing cookie the statement declares and marks the page. */
(function () {
  "use strict";
  document.cookie = "_fbp=fb.1.stub." + Date.now() + "; path=/; max-age=" + (60 * 60 * 24 * 90) + "; SameSite=Lax";
  document.documentElement.setAttribute("data-pixel-loaded", "");
}());
