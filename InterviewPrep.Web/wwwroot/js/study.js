// Study mode's keys and swipes, forwarded to the page: Space (before the answer is shown),
// arrows, B, R, N, 1–4 and ?. Keys typed in the recall box are text (Escape leaves the box); keys on buttons
// and links do what those do. Horizontal swipes on touch screens move between questions, except
// inside something that scrolls sideways (code, tables, diagrams).
let page;
let startX = 0;
let startY = 0;
let swipeable = true;

function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

// Single-key shortcuts can be turned off (WCAG 2.1.4); the choice is remembered on this device.
export function shortcutsEnabled() {
    return localStorage.getItem("ip-study-shortcuts") !== "off";
}

export function setShortcuts(on) {
    localStorage.setItem("ip-study-shortcuts", on ? "on" : "off");
}

function onKey(event) {
    if (!page || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (!shortcutsEnabled() && key !== "?") return;
    if (typing(event.target)) {
        if (key === "Escape") event.target.blur();
        return;
    }
    const onControl = event.target instanceof Element && event.target.closest("button, a, [role=button]");
    if (key === " ") {
        // Space presses a focused button, and scrolls once the answer is shown.
        if (onControl || document.querySelector("[data-testid=answer]")) return;
    } else if (!["ArrowRight", "ArrowLeft", "b", "B", "r", "R", "n", "N", "1", "2", "3", "4", "?"].includes(key)) {
        return;
    }
    event.preventDefault();
    page.invokeMethodAsync("OnKeyAsync", key);
}

function scrollsSideways(element) {
    for (let e = element; e instanceof Element && e !== document.body; e = e.parentElement) {
        if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
}

function onTouchStart(event) {
    const touch = event.changedTouches[0];
    startX = touch.clientX;
    startY = touch.clientY;
    swipeable = !scrollsSideways(event.target);
}

function onTouchEnd(event) {
    if (!page || !swipeable) return;
    const touch = event.changedTouches[0];
    const dx = touch.clientX - startX;
    const dy = touch.clientY - startY;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
        page.invokeMethodAsync("OnKeyAsync", dx < 0 ? "ArrowRight" : "ArrowLeft");
    }
}

export function attach(dotNet) {
    page = dotNet;
    document.addEventListener("keydown", onKey);
    document.addEventListener("touchstart", onTouchStart, { passive: true });
    document.addEventListener("touchend", onTouchEnd, { passive: true });
}

export function detach() {
    page = undefined;
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("touchstart", onTouchStart);
    document.removeEventListener("touchend", onTouchEnd);
}

export function focus(selector) {
    document.querySelector(selector)?.focus({ preventScroll: false });
}
