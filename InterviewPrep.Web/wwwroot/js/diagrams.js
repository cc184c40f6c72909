// Draws the mermaid diagrams of a page (blocks rendered by the server as .mermaid-diagram with
// their source in a <pre>). Off the main path: nothing loads before the page has loaded, and a
// diagram is drawn only when it comes near the screen; the library (its ES module build, which
// fetches only the code of the diagram types it meets) loads with the first one. Strict security;
// a diagram that fails keeps its source visible with a short notice. Works on static pages and on
// interactive ones (a MutationObserver picks up blocks that appear later).
//
// data-state on a block: "waiting" (not yet near the screen), "pending", "rendered", "repaired" (drawn
// from the server's safe repair, sent beside the source) or "failed". A drawn diagram can be opened
// full screen, with zoom and pan, and its source shown.

const newSelector = ".mermaid-diagram:not([data-state])";
const libraryUrl = "/lib/mermaid/mermaid.esm.min.mjs";
const due = new Set();
let library;
let counter = 0;
let running = false;

const loaded = document.readyState === "complete"
    ? Promise.resolve()
    : new Promise(resolve => window.addEventListener("load", resolve, { once: true }));

function loadMermaid() {
    library ??= import(libraryUrl).then(module => module.default, error => {
        library = undefined; // the next diagram tries again
        throw error;
    });
    return library;
}

function fail(block, message) {
    block.dataset.state = "failed";
    const notice = document.createElement("p");
    notice.className = "mermaid-notice";
    notice.setAttribute("role", "note");
    notice.textContent = message;
    block.prepend(notice);
}

async function drawDue() {
    if (running) {
        return;
    }
    running = true;
    try {
        await loaded;
        while (due.size > 0) {
            const blocks = [...due].filter(b => b.isConnected);
            due.clear();
            blocks.forEach(b => (b.dataset.state = "pending"));
            let mermaid;
            try {
                mermaid = await loadMermaid();
            } catch {
                blocks.forEach(b => fail(b, "Diagrams cannot be drawn right now; the source is shown instead."));
                continue;
            }
            const dark = document.body.classList.contains("theme-dark");
            mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
            for (const block of blocks) {
                const source = block.querySelector(".mermaid-source")?.textContent ?? "";
                const repaired = block.querySelector(".mermaid-repaired")?.textContent;
                let svg = await tryRender(mermaid, source);
                let note = null;
                if (svg === null && repaired) {
                    // The server's safe repair (labels quoted, literal \n as line breaks), drawn only when the source fails.
                    svg = await tryRender(mermaid, repaired);
                    note = "Some labels were put in quotes so that this diagram could be drawn.";
                }
                if (svg === null) {
                    fail(block, "This diagram could not be drawn; its source is shown instead.");
                    continue;
                }
                const holder = document.createElement("div");
                holder.className = "mermaid-svg";
                holder.innerHTML = svg;
                block.prepend(holder);
                block.prepend(toolbar(block, holder));
                if (note) {
                    const p = document.createElement("p");
                    p.className = "mermaid-notice repaired";
                    p.setAttribute("role", "note");
                    p.textContent = note;
                    block.append(p);
                }
                block.classList.add("rendered");
                block.dataset.state = note ? "repaired" : "rendered";
            }
        }
    } finally {
        running = false;
    }
}

async function tryRender(mermaid, source) {
    const id = `mermaid-svg-${++counter}`;
    try {
        return (await mermaid.render(id, source)).svg;
    } catch {
        document.getElementById(id)?.remove();
        document.getElementById(`d${id}`)?.remove();
        return null;
    }
}

// Full screen (with zoom and pan, js/diagram-viewer.js, loaded on first use) and the source, for a drawn diagram.
function toolbar(block, holder) {
    const bar = document.createElement("div");
    bar.className = "mermaid-tools";
    const full = document.createElement("button");
    full.type = "button";
    full.className = "mermaid-tool";
    full.textContent = "Full screen";
    full.dataset.testid = "diagram-full-screen";
    full.addEventListener("click", async () => {
        const viewer = await import("./diagram-viewer.js");
        viewer.open(holder.querySelector("svg"), full);
    });
    const source = document.createElement("button");
    source.type = "button";
    source.className = "mermaid-tool";
    source.textContent = "Source";
    source.dataset.testid = "diagram-source";
    source.setAttribute("aria-expanded", "false");
    source.addEventListener("click", () => {
        const shown = block.classList.toggle("show-source");
        source.setAttribute("aria-expanded", String(shown));
    });
    bar.append(full, source);
    return bar;
}

// A diagram is due when it comes within half a screen of the viewport.
const nearScreen = new IntersectionObserver(entries => {
    for (const entry of entries) {
        if (entry.isIntersecting) {
            nearScreen.unobserve(entry.target);
            due.add(entry.target);
        }
    }
    if (due.size > 0) {
        drawDue();
    }
}, { rootMargin: "50% 0px" });

function watchNew() {
    document.querySelectorAll(newSelector).forEach(block => {
        block.dataset.state = "waiting";
        nearScreen.observe(block);
    });
}

// Redraw in the other theme when the page switches between light and dark.
function redrawAll() {
    document.querySelectorAll(".mermaid-diagram[data-state=rendered], .mermaid-diagram[data-state=repaired], .mermaid-diagram[data-state=failed]").forEach(block => {
        block.querySelectorAll(".mermaid-svg, .mermaid-notice, .mermaid-tools").forEach(e => e.remove());
        block.classList.remove("rendered", "show-source");
        delete block.dataset.state;
    });
    watchNew();
}

new MutationObserver(watchNew).observe(document.body, { childList: true, subtree: true });
new MutationObserver(redrawAll).observe(document.body, { attributes: true, attributeFilter: ["class"] });
watchNew();
