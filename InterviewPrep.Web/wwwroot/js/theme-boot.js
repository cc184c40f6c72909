// Runs in <head>, before the first paint. A visitor who has not chosen a theme gets their system's:
// the server rendered what it guessed (data-theme on <html>); when the guess is wrong (a first visit
// from a browser without client hints), remember the system's preference and load the page again
// before anything is shown. Once per page and preference, so a browser without cookies cannot loop.
(function () {
    if (/(?:^|;\s*)ip-theme=(?:light|dark)(?:;|$)/.test(document.cookie)) {
        return;
    }

    var want = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    document.cookie = "ip-theme-system=" + want + "; path=/; max-age=31536000; samesite=lax";
    var rendered = document.documentElement.getAttribute("data-theme");
    if (!rendered || rendered === want || document.cookie.indexOf("ip-theme-system=" + want) < 0) {
        return;
    }

    try {
        var key = "ip-theme-reloaded";
        if (sessionStorage.getItem(key) === location.href + " " + want) {
            return;
        }
        sessionStorage.setItem(key, location.href + " " + want);
    } catch (e) {
        return;
    }

    document.documentElement.style.visibility = "hidden";
    document.documentElement.style.background = want === "dark" ? "#11161e" : "#f6f8fb";
    location.replace(location.href);
})();
