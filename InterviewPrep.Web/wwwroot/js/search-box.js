// The app bar's search box: Ctrl+K (or "/") focuses it; as you type, the best matches appear
// below it (prefix matching on the last word); arrows and Enter pick one, Escape closes.
const box = () => document.querySelector("[data-search-box]");
let timer;
let active = -1;

function input() { return box()?.querySelector("input[name=q]"); }
function list() { return box()?.querySelector(".app-search-suggestions"); }

function close() {
    const l = list();
    if (l) { l.hidden = true; l.innerHTML = ""; }
    input()?.setAttribute("aria-expanded", "false");
    input()?.removeAttribute("aria-activedescendant");
    active = -1;
}

async function suggest(text) {
    const l = list();
    if (!l) return;
    if (text.trim().length < 2) { close(); return; }
    const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(text)}`);
    if (!response.ok) { close(); return; }
    const items = await response.json();
    if (input()?.value !== text) return;
    l.innerHTML = "";
    items.forEach((item, i) => {
        // Options are not links (no interactive content inside an option); Enter or a click opens them.
        const li = document.createElement("li");
        li.id = `app-search-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.href = `questions/${encodeURIComponent(item.id)}`;
        li.innerHTML = item.titleHtml; // server-encoded text with <mark> highlights only
        l.appendChild(li);
    });
    l.hidden = items.length === 0;
    input()?.setAttribute("aria-expanded", items.length > 0 ? "true" : "false");
    active = -1;
}

function move(delta) {
    const options = [...(list()?.querySelectorAll("li") ?? [])];
    if (options.length === 0) return;
    active = (active + delta + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute("aria-selected", i === active ? "true" : "false"));
    input()?.setAttribute("aria-activedescendant", options[active].id);
}

document.addEventListener("input", event => {
    if (event.target === input()) {
        clearTimeout(timer);
        const text = event.target.value;
        timer = setTimeout(() => suggest(text).catch(close), 120);
    }
});

document.addEventListener("keydown", event => {
    const field = input();
    if (!field) return;
    const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName));
    if ((event.key === "k" && (event.ctrlKey || event.metaKey)) || (event.key === "/" && !typing)) {
        event.preventDefault();
        field.focus();
        field.select();
        return;
    }
    if (event.target !== field) return;
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
        const option = list()?.querySelectorAll("li")[active];
        if (option) { event.preventDefault(); location.href = option.dataset.href; }
    }
});

document.addEventListener("click", event => {
    const option = event.target instanceof Element ? event.target.closest(".app-search-suggestions li") : null;
    if (option) { location.href = option.dataset.href; return; }
    if (!(event.target instanceof Element) || !event.target.closest("[data-search-box]")) close();
});
