// A drawn diagram full screen: a modal dialog with the drawing fitted to the screen, zoomed with the
// wheel, the buttons, + and − or a pinch, moved by dragging or the arrow keys; Escape or Close goes
// back to the page. Loaded by diagrams.js the first time a learner asks for it.

const minScale = 0.1;
const maxScale = 12;
let dialog;
let stage;
let canvas;
let view = { scale: 1, x: 0, y: 0 };
let size = { width: 1, height: 1 };
let opener = null;
const pointers = new Map();
let pinch = null;

function apply() {
    canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
}

function fit() {
    const box = stage.getBoundingClientRect();
    const scale = Math.min(box.width / size.width, box.height / size.height) * 0.95;
    view = { scale, x: (box.width - size.width * scale) / 2, y: (box.height - size.height * scale) / 2 };
    apply();
}

// Zooms by a factor around a point of the stage (the pointer, the pinch's middle, or the centre).
function zoom(factor, atX, atY) {
    const box = stage.getBoundingClientRect();
    const cx = atX ?? box.width / 2;
    const cy = atY ?? box.height / 2;
    const scale = Math.min(maxScale, Math.max(minScale, view.scale * factor));
    const ratio = scale / view.scale;
    view = { scale, x: cx - (cx - view.x) * ratio, y: cy - (cy - view.y) * ratio };
    apply();
}

function move(dx, dy) {
    view = { ...view, x: view.x + dx, y: view.y + dy };
    apply();
}

function stagePoint(event) {
    const box = stage.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
}

function button(text, label, action) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "mermaid-tool";
    b.textContent = text;
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", action);
    return b;
}

function build() {
    dialog = document.createElement("dialog");
    dialog.className = "diagram-viewer";
    dialog.setAttribute("aria-label", "Diagram, full screen");
    dialog.dataset.testid = "diagram-viewer";
    const bar = document.createElement("div");
    bar.className = "diagram-viewer-bar";
    const hint = document.createElement("span");
    hint.className = "diagram-viewer-hint";
    hint.textContent = "Drag to move; wheel, pinch or + and − to zoom";
    const close = button("Close", null, () => dialog.close());
    close.dataset.testid = "diagram-viewer-close";
    bar.append(button("+", "Zoom in", () => zoom(1.25)), button("−", "Zoom out", () => zoom(0.8)), button("Fit", "Fit to the screen", fit), hint, close);

    stage = document.createElement("div");
    stage.className = "diagram-viewer-stage";
    stage.tabIndex = 0;
    stage.setAttribute("role", "img");
    canvas = document.createElement("div");
    canvas.className = "diagram-viewer-canvas";
    stage.append(canvas);
    dialog.append(bar, stage);
    document.body.append(dialog);

    stage.addEventListener("wheel", event => {
        event.preventDefault();
        const at = stagePoint(event);
        zoom(Math.exp(-event.deltaY * 0.0015), at.x, at.y);
    }, { passive: false });
    stage.addEventListener("pointerdown", event => {
        try {
            // Keeps the moves coming when the finger leaves the stage; a pointer already gone cannot be captured.
            stage.setPointerCapture(event.pointerId);
        } catch {
        }
        pointers.set(event.pointerId, stagePoint(event));
        pinch = null;
    });
    stage.addEventListener("pointermove", event => {
        const last = pointers.get(event.pointerId);
        if (!last) return;
        const now = stagePoint(event);
        pointers.set(event.pointerId, now);
        if (pointers.size === 1) {
            move(now.x - last.x, now.y - last.y);
            return;
        }
        // Two fingers: the change in their distance zooms, around the point between them.
        const [a, b] = [...pointers.values()];
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        if (pinch && distance > 0) zoom(distance / pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
        pinch = distance;
    });
    const lift = event => {
        pointers.delete(event.pointerId);
        pinch = null;
    };
    stage.addEventListener("pointerup", lift);
    stage.addEventListener("pointercancel", lift);
    dialog.addEventListener("keydown", event => {
        const step = 40;
        const keys = {
            "+": () => zoom(1.25), "=": () => zoom(1.25), "-": () => zoom(0.8), "0": fit,
            ArrowLeft: () => move(step, 0), ArrowRight: () => move(-step, 0), ArrowUp: () => move(0, step), ArrowDown: () => move(0, -step),
        };
        if (keys[event.key] && !(event.target instanceof HTMLButtonElement && event.key === " ")) {
            event.preventDefault();
            event.stopPropagation();
            keys[event.key]();
        }
    });
    dialog.addEventListener("close", () => {
        canvas.replaceChildren();
        opener?.focus();
    });
}

/// Opens a copy of a drawn diagram full screen; the focus goes back to `from` when it closes.
export function open(svg, from) {
    if (!svg) return;
    if (!dialog) build();
    opener = from;
    const copy = svg.cloneNode(true);
    // mermaid sizes its drawing to the page's column: here it takes its own size, from its viewBox.
    const box = svg.viewBox?.baseVal;
    size = box && box.width > 0 ? { width: box.width, height: box.height } : { width: svg.clientWidth || 800, height: svg.clientHeight || 600 };
    copy.removeAttribute("style");
    copy.setAttribute("width", size.width);
    copy.setAttribute("height", size.height);
    // mermaid scopes the drawing's styles to its id: the copy gets an id of its own, and its styles follow.
    if (svg.id) {
        copy.id = `${svg.id}-full-screen`;
        copy.querySelectorAll("style").forEach(style => {
            style.textContent = style.textContent.replaceAll(`#${svg.id}`, `#${copy.id}`);
        });
    }
    canvas.replaceChildren(copy);
    stage.setAttribute("aria-label", svg.getAttribute("aria-roledescription") ? `Diagram (${svg.getAttribute("aria-roledescription")})` : "Diagram");
    dialog.showModal();
    fit();
    stage.focus();
}
