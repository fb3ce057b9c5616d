// One-line embed for marketing pages:
//   <script src="https://YOUR-APP/embed.js" data-storewise="diagnostic" async></script>
// Options (attributes on the script tag):
//   data-storewise  "diagnostic" (default) or "lesson:8.9.3.2" for a lesson preview card
//   data-title      the frame's accessible title
//   data-height     starting height in pixels before the frame reports its own (default 640)
// The frame reports its height with postMessage to this page's exact origin; messages from
// anywhere but the app's origin and that frame are ignored.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var app = new URL(script.src).origin;
  var what = script.getAttribute("data-storewise") || "diagnostic";
  var lesson = what.indexOf("lesson:") === 0;
  // The app's pages sit beside embed.js, at the root or under its base path.
  var page = new URL(lesson ? "embed/lesson/" + encodeURIComponent(what.slice(7)) : "embed/diagnostic", script.src);
  var frame = document.createElement("iframe");
  frame.src = page.href + "?host=" + encodeURIComponent(location.origin);
  frame.title = script.getAttribute("data-title") || (lesson ? "Lesson preview" : "E-commerce competency diagnostic");
  frame.setAttribute("loading", "lazy");
  frame.setAttribute("allow", "clipboard-write");
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.display = "block";
  frame.style.height = (parseInt(script.getAttribute("data-height"), 10) || 640) + "px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== app || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (data && data.type === "storewise:height" && typeof data.height === "number" && data.height > 0 && data.height < 100000) {
      frame.style.height = data.height + "px";
    }
  });
})();
