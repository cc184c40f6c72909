// The layout's navigation drawer on server-rendered pages, where no live connection runs the
// toggle button: the button opens and closes the drawer, as on interactive pages. On phones the
// open drawer covers the page, and Escape or a tap outside closes it.
const wide = window.matchMedia("(min-width: 960px)");

function parts() {
    const layout = document.querySelector(".mud-layout[data-static]");
    return layout ? { layout, drawer: layout.querySelector(".mud-drawer") } : null;
}

function isOpen({ drawer }) {
    return drawer.classList.contains("mud-drawer--open") && (wide.matches || !drawer.classList.contains("mud-drawer--initial"));
}

function setOpen({ layout, drawer }, open) {
    drawer.classList.remove("mud-drawer--initial");
    drawer.classList.toggle("mud-drawer--open", open);
    drawer.classList.toggle("mud-drawer--closed", !open);
    layout.classList.toggle("mud-drawer-open-responsive-md-left", open && wide.matches);
    document.querySelector("[aria-label='Toggle navigation']")?.setAttribute("aria-expanded", String(open));
}

// Marks the layout once this runs, so a test (or a script) knows the page's controls work; pages
// reached by enhanced navigation get a new layout element.
function markReady() {
    document.querySelector(".mud-layout[data-static]:not([data-static-ready])")?.setAttribute("data-static-ready", "");
}

new MutationObserver(markReady).observe(document.body, { childList: true, subtree: true });
markReady();

document.addEventListener("click", event => {
    const found = parts();
    if (!found || !(event.target instanceof Element)) return;
    if (event.target.closest("[aria-label='Toggle navigation']")) {
        setOpen(found, !isOpen(found));
    } else if (!wide.matches && isOpen(found) && !event.target.closest(".mud-drawer")) {
        setOpen(found, false);
    }
});

document.addEventListener("keydown", event => {
    const found = parts();
    if (found && event.key === "Escape" && !wide.matches && isOpen(found)) setOpen(found, false);
});
