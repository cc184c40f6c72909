// The keys and swipes of every session page (study, review, and what comes next), forwarded to the
// SessionKeys component: only the keys it asks for. Keys typed in a text box are text (Escape leaves
// the box); keys on buttons and links do what those do. Horizontal swipes on touch screens move
// between items, except inside something that scrolls sideways (code, tables, diagrams).
let component;
let options = { keys: [], swipe: false, optional: false, spaceScrollsAnswer: false };
let startX = 0;
let startY = 0;
let swipeable = true;
// The button or link last pressed with a mouse or a finger while it keeps the focus (focus-visible cannot
// tell: Chromium turns it on for the focused element at the first key press).
let pointerControl = null;

function onPointerDown(event) {
    pointerControl = event.target instanceof Element ? event.target.closest("button, a, [role=button]") : null;
}

function onFocusIn(event) {
    if (event.target !== pointerControl) pointerControl = null;
}

// A box that takes text; a checkbox or a switch takes no keys the page would want.
function typing(target) {
    if (!(target instanceof HTMLElement)) return false;
    if (target instanceof HTMLInputElement) return !["checkbox", "radio", "range", "button", "submit"].includes(target.type);
    return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

// Single-key shortcuts can be turned off (WCAG 2.1.4); the choice is remembered on this device.
export function shortcutsEnabled() {
    return localStorage.getItem("ip-study-shortcuts") !== "off";
}

export function setShortcuts(on) {
    localStorage.setItem("ip-study-shortcuts", on ? "on" : "off");
}

function onKey(event) {
    if (!component || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    // Escape is no single-key shortcut: it always closes the help.
    if (options.optional && !shortcutsEnabled() && key !== "?" && key !== "Escape") return;
    if (typing(event.target)) {
        if (key === "Escape") event.target.blur();
        return;
    }
    const onControl = event.target instanceof Element && event.target.closest("button, a, [role=button]");
    if (key === " ") {
        // Space presses a button reached with the keyboard. A button last clicked with the mouse keeps the
        // focus but not the key: Space stays the page's (reveal the answer, or scroll it once shown).
        const mouseFocused = onControl && onControl === pointerControl;
        if (onControl && !mouseFocused) return;
        if (mouseFocused) {
            onControl.blur();
            pointerControl = null;
        }
        if (options.spaceScrollsAnswer && document.querySelector("[data-testid=answer]")) {
            if (mouseFocused) {
                event.preventDefault();
                document.scrollingElement?.scrollBy({ top: window.innerHeight * 0.8 });
            }
            return;
        }
    }
    if (!options.keys.includes(key)) return;
    event.preventDefault();
    component.invokeMethodAsync("OnKeyAsync", key);
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
    if (!component || !options.swipe || !swipeable) return;
    const touch = event.changedTouches[0];
    const dx = touch.clientX - startX;
    const dy = touch.clientY - startY;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
        component.invokeMethodAsync("OnKeyAsync", dx < 0 ? "ArrowRight" : "ArrowLeft");
    }
}

export function attach(dotNet, settings) {
    component = dotNet;
    options = settings;
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("focusin", onFocusIn, true);
    document.addEventListener("touchstart", onTouchStart, { passive: true });
    document.addEventListener("touchend", onTouchEnd, { passive: true });
}

export function detach() {
    component = undefined;
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("pointerdown", onPointerDown, true);
    document.removeEventListener("focusin", onFocusIn, true);
    pointerControl = null;
    document.removeEventListener("touchstart", onTouchStart);
    document.removeEventListener("touchend", onTouchEnd);
}

export function focus(selector) {
    const target = document.querySelector(selector);
    if (!target) {
        return;
    }

    if (target instanceof HTMLDialogElement) {
        // A dialog opens modal: the page behind it is out of reach until it closes.
        if (!target.open) target.showModal();
    } else if (target.matches(".study-answer")) {
        // The answer opens under the question: focus it where it is, so the question stays in view.
        target.focus({ preventScroll: true });
    } else if (target.matches(".study-question")) {
        // A new question starts at the top, however far down the last answer was read.
        window.scrollTo({ top: 0 });
        target.focus({ preventScroll: true });
    } else {
        target.focus({ preventScroll: false });
    }
}
