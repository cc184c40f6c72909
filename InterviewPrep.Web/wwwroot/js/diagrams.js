// Draws the mermaid diagrams of a page (blocks rendered by the server as .mermaid-diagram with
// their source in a <pre>). The library loads only when a page has a diagram; strict security;
// a diagram that fails keeps its source visible with a short notice. Works on static pages and
// on interactive ones (a MutationObserver picks up blocks that appear later).

const pendingSelector = ".mermaid-diagram:not([data-state])";
let library;
let counter = 0;
let running = false;

function loadMermaid() {
    if (window.mermaid) {
        return Promise.resolve(window.mermaid);
    }
    library ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "/lib/mermaid/mermaid.min.js";
        script.onload = () => resolve(window.mermaid);
        script.onerror = () => reject(new Error("mermaid did not load"));
        document.head.appendChild(script);
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

async function renderPending() {
    if (running) {
        return;
    }
    running = true;
    try {
        let blocks;
        while ((blocks = [...document.querySelectorAll(pendingSelector)]).length > 0) {
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
                const id = `mermaid-svg-${++counter}`;
                try {
                    const { svg } = await mermaid.render(id, source);
                    const holder = document.createElement("div");
                    holder.className = "mermaid-svg";
                    holder.innerHTML = svg;
                    block.prepend(holder);
                    block.classList.add("rendered");
                    block.dataset.state = "rendered";
                } catch {
                    document.getElementById(id)?.remove();
                    document.getElementById(`d${id}`)?.remove();
                    fail(block, "This diagram could not be drawn; its source is shown instead.");
                }
            }
        }
    } finally {
        running = false;
    }
}

// Redraw in the other theme when the page switches between light and dark.
function redrawAll() {
    document.querySelectorAll(".mermaid-diagram[data-state]").forEach(block => {
        block.querySelectorAll(".mermaid-svg, .mermaid-notice").forEach(e => e.remove());
        block.classList.remove("rendered");
        delete block.dataset.state;
    });
    renderPending();
}

new MutationObserver(() => renderPending()).observe(document.body, { childList: true, subtree: true });
new MutationObserver(redrawAll).observe(document.body, { attributes: true, attributeFilter: ["class"] });
renderPending();
