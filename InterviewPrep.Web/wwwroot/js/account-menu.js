// The header's account menu is a <details> disclosure (it works without a circuit). Close it when
// the learner picks an entry, presses Escape or clicks elsewhere, as menus do.
function closeAll(except) {
    for (const menu of document.querySelectorAll("details[data-account-menu][open]")) {
        if (menu !== except) {
            menu.open = false;
        }
    }
}

document.addEventListener("click", event => {
    const target = event.target instanceof Element ? event.target : null;
    const menu = target?.closest("details[data-account-menu]") ?? null;
    closeAll(menu);
    if (menu && target.closest("a, button")) {
        menu.open = false;
    }
});

document.addEventListener("keydown", event => {
    if (event.key !== "Escape") {
        return;
    }

    const open = document.querySelector("details[data-account-menu][open]");
    if (open) {
        open.open = false;
        open.querySelector("summary")?.focus();
    }
});
