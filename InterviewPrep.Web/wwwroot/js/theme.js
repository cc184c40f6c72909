// The visitor's choice, remembered for a year; the server reads the cookie when it renders a page.
export function setTheme(dark) {
    const value = dark ? "dark" : "light";
    document.cookie = `ip-theme=${value}; path=/; max-age=31536000; samesite=lax`;
    showTheme(dark);
}

function showTheme(dark) {
    document.body.classList.toggle("theme-dark", dark);
    document.body.classList.toggle("theme-light", !dark);
    document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
}

function chosen() {
    return /(?:^|;\s*)ip-theme=(?:light|dark)(?:;|$)/.test(document.cookie);
}

// Whether the system prefers dark, or null once the visitor has chosen a theme of their own.
export function systemDark() {
    return chosen() ? null : window.matchMedia("(prefers-color-scheme: dark)").matches;
}

// Until the visitor chooses, a change of the system's preference (an evening switch) follows at once.
window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener("change", event => {
    if (chosen()) {
        return;
    }
    document.cookie = `ip-theme-system=${event.matches ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    showTheme(event.matches);
    if (!document.querySelector(".mud-layout[data-interactive]")) {
        location.reload();
    }
});

// Static pages (no circuit) have no Blazor click handler: switch, then load the page again in
// the new theme. Interactive pages mark their layout with data-interactive and handle it themselves.
document.addEventListener("click", event => {
    const toggle = event.target instanceof Element ? event.target.closest("[data-theme-toggle]") : null;
    if (!toggle || document.querySelector(".mud-layout[data-interactive]")) {
        return;
    }
    setTheme(!document.body.classList.contains("theme-dark"));
    location.reload();
});

// The browser's time zone (an IANA id such as "Europe/Berlin"), so the server counts the learner's days.
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch {
        return null;
    }
}
