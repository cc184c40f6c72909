// The review page's keys: Space shows the answer, 1–4 grade it (not while typing, not on buttons).
let page;

function onKey(event) {
    if (!page || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
    if (event.key === " " && target instanceof Element && target.closest("button, a")) return;
    if ([" ", "1", "2", "3", "4"].includes(event.key)) {
        event.preventDefault();
        page.invokeMethodAsync("OnKeyAsync", event.key);
    }
}

export function attach(dotNet) {
    page = dotNet;
    document.addEventListener("keydown", onKey);
}

export function detach() {
    page = undefined;
    document.removeEventListener("keydown", onKey);
}
