// The channels page's filter as you type: channels (and whole categories) that do not match are
// hidden at once; pressing Enter sends the filter, which the server applies the same way.
function apply(input) {
    const term = input.value.trim().toLowerCase();
    let shown = 0;
    document.querySelectorAll("[data-filter-group]").forEach(group => {
        const groupMatches = group.dataset.filterGroup.toLowerCase().includes(term);
        let inGroup = 0;
        group.querySelectorAll("[data-filter-text]").forEach(item => {
            const match = term === "" || groupMatches || item.dataset.filterText.toLowerCase().includes(term);
            item.hidden = !match;
            if (match) inGroup++;
        });
        group.hidden = inGroup === 0;
        shown += inGroup;
    });
    const empty = document.querySelector("[data-channel-filter-empty]");
    if (empty) empty.hidden = shown > 0 || document.querySelectorAll("[data-filter-group]").length === 0;
}

document.addEventListener("input", event => {
    if (event.target instanceof HTMLInputElement && event.target.closest("[data-channel-filter]")) apply(event.target);
});
