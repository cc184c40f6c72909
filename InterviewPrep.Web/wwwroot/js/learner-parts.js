// Fills the learner parts of a public page rendered for a visitor without a learner (see
// LearnerParts.cs): asks for a learner id once, then takes the parts from this page as rendered for
// that learner, so their forms and antiforgery tokens are the page's own.
let running = false;

function fail(slot) {
    slot.dataset.state = "failed";
    slot.removeAttribute("aria-busy");
}

async function fill() {
    const slots = [...document.querySelectorAll("[data-learner-part]:not([data-state])")];
    if (running || slots.length === 0) return;
    running = true;
    slots.forEach(slot => (slot.dataset.state = "loading"));
    try {
        const learner = await fetch("api/learner", { credentials: "same-origin", cache: "no-store" });
        if (!learner.ok) throw new Error(String(learner.status));
        const page = await fetch(location.href, { credentials: "same-origin", cache: "no-store", headers: { Accept: "text/html" } });
        if (!page.ok) throw new Error(String(page.status));
        const rendered = new DOMParser().parseFromString(await page.text(), "text/html");
        for (const slot of slots) {
            const part = rendered.querySelector(`[data-part="${CSS.escape(slot.dataset.learnerPart)}"]`);
            if (part && slot.isConnected) slot.replaceWith(document.importNode(part, true));
            else fail(slot);
        }
    } catch {
        slots.forEach(fail);
    } finally {
        running = false;
    }
}

// Slots arrive with the page, or later with enhanced navigation.
new MutationObserver(() => fill()).observe(document.body, { childList: true, subtree: true });
fill();
