// Runs before the app: registers the service worker and relays "a new version is ready"
// to the app (which shows the offer); in an embedded frame, reports the page height to the
// host page. Nothing here is needed for the app to work: without service workers or
// without a parent frame it does nothing.
(function () {
  // This script sits at the site's root (or base path): the worker and pages are beside it.
  var base = document.currentScript ? new URL(".", document.currentScript.src) : new URL("/", location.href);
  var embedded = location.pathname.indexOf(base.pathname + "embed/") === 0 && window.parent !== window;
  // Resolves once the static first screen has painted (or at once when there is nothing to
  // wait for): the app waits for it before replacing that screen, so a fast start never
  // leaves the page blank, and the largest paint is the first screen's.
  window.storewisePainted = new Promise(function (resolve) {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    var framed = location.pathname.indexOf(base.pathname + "embed/") === 0; // no first screen there
    if (framed || !types || types.indexOf("largest-contentful-paint") < 0 || document.visibilityState === "hidden") return resolve();
    new PerformanceObserver(function (list, observer) {
      observer.disconnect();
      resolve();
    }).observe({ type: "largest-contentful-paint", buffered: true });
    // Never hold the app back for long (a page opened in the background paints nothing).
    setTimeout(resolve, 500);
  });

  // A diagnostic in progress resumes on its question, not on the introduction.
  function diagnosticInProgress() {
    try {
      var d = JSON.parse(localStorage.getItem("storewise.diagnostic") || "{}");
      return d.position > 0 || Object.keys(d.current || {}).length > 0;
    } catch (e) {
      return false;
    }
  }
  // Which static first screen index.html shows until the app starts: Home's hero on Home,
  // the diagnostic's introduction on the diagnostic, the shared-results note on a share link,
  // the header alone elsewhere, nothing in an embedded frame.
  var root = document.documentElement;
  // The learner's theme, before the first paint (the app keeps it in step afterwards).
  try {
    var theme = JSON.parse(localStorage.getItem("storewise.settings") || "{}").theme;
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (e) {}
  if (location.pathname.indexOf(base.pathname + "embed/") === 0) root.classList.add("boot-in-frame");
  else if (location.pathname === base.pathname || location.pathname + "/" === base.pathname) root.classList.add("boot-at-home");
  else if (location.pathname.replace(/\/$/, "") === base.pathname + "diagnostic" && !diagnosticInProgress()) root.classList.add("boot-at-diagnostic");
  else if (location.pathname.replace(/\/$/, "") === base.pathname + "shared" && /^#r=./.test(location.hash)) root.classList.add("boot-at-shared");

  if ("serviceWorker" in navigator && !embedded) {
    var accepted = false;
    // Registered once the app has started, so that saving the whole curriculum for offline
    // use never competes with the first screen for the network.
    var registered = new Promise(function (resolve) {
      window.addEventListener("storewise-ready", resolve, { once: true });
    }).then(function () {
      return navigator.serviceWorker.register(new URL("sw.js", base).href);
    });
    registered
      .then(function (registration) {
        function offer(worker) {
          window.__storewiseUpdate = worker;
          window.dispatchEvent(new CustomEvent("storewise-update-ready"));
        }
        if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
        registration.addEventListener("updatefound", function () {
          var worker = registration.installing;
          if (!worker) return;
          worker.addEventListener("statechange", function () {
            if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
          });
        });
      })
      .catch(function () {});
    // Then the rest of the app and every lesson text for offline use, unless the browser asks
    // to save data: the worker then keeps only what was used. `storewiseOffline` says how far
    // it got ("saving", "all", "partial" after a failed file, "used") for the app and tests.
    window.storewiseOffline = "saving";
    function offline(state) {
      window.storewiseOffline = state;
      window.dispatchEvent(new CustomEvent("storewise-offline"));
    }
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "storewise:saved") offline(event.data.complete ? "all" : "partial");
    });
    navigator.serviceWorker.startMessages();
    registered
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        function saveAll() {
          if (!registration.active) return;
          offline("saving");
          registration.active.postMessage("save-all");
        }
        if (navigator.connection && navigator.connection.saveData === true) offline("used");
        else saveAll();
        // Settings offers it to a learner whose browser saves data (before a trip, say).
        window.addEventListener("storewise-save-all", saveAll);
      })
      .catch(function () {});
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      // Only an update the learner accepted reloads the page.
      if (accepted) location.reload();
    });
    window.addEventListener("storewise-update-accept", function () {
      if (window.__storewiseUpdate) {
        accepted = true;
        window.__storewiseUpdate.postMessage("skip-waiting");
      }
    });
  }

  if (embedded) {
    var params = new URLSearchParams(location.search);
    var host = params.get("host");
    if (!host) return;
    var hostOrigin;
    try {
      hostOrigin = new URL(host).origin;
    } catch (e) {
      return;
    }
    var last = 0;
    function report() {
      // The content's own height: scrollHeight would never go below the frame's height,
      // so a shorter page (the result after a long question) could not shrink the frame.
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: "storewise:height", height: height }, hostOrigin);
      }
    }
    window.addEventListener("message", function (event) {
      // Only the host page that embedded us may ask, and only for the height.
      if (event.origin !== hostOrigin || !event.data || event.data.type !== "storewise:measure") return;
      last = 0;
      report();
    });
    new ResizeObserver(report).observe(document.documentElement);
    window.addEventListener("load", report);
  }
})();
