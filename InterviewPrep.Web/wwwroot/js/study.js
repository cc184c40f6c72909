// Study mode's keys and swipes, forwarded to the page: Space, arrows, B and ? (not while typing
// in the recall box, where Space and letters are text), and horizontal swipes on touch screens.
let page;
let startX = 0;
let startY = 0;

function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

function onKey(event) {
    if (!page || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (typing(event.target) && key !== "Escape") return;
    if ([" ", "ArrowRight", "ArrowLeft", "b", "B", "?"].includes(key)) {
        event.preventDefault();
        page.invokeMethodAsync("OnKeyAsync", key);
    }
}

function onTouchStart(event) {
    const touch = event.changedTouches[0];
    startX = touch.clientX;
    startY = touch.clientY;
}

function onTouchEnd(event) {
    if (!page) return;
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
