// The countdown of a timed exam. The server holds the deadline and hands the exam in at zero; this
// only shows the time it said was left, counted from when it said so (the page's own clock, not the
// device's wall clock, so a wrong system time cannot make it run ahead). At five minutes and at one
// minute left, the warning is announced once to screen readers.
const clocks = new WeakMap();

function format(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor(total / 60) % 60;
    const s = total % 60;
    const pad = n => String(n).padStart(2, "0");
    return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function start(element, remainingMs, announcer) {
    stop(element);
    const endsAt = performance.now() + remainingMs;
    const warned = new Set();
    const tick = () => {
        const left = endsAt - performance.now();
        element.textContent = format(left);
        element.dataset.remainingMs = String(Math.max(0, Math.round(left)));
        element.classList.toggle("exam-clock-low", left <= 5 * 60 * 1000);
        for (const minutes of [5, 1]) {
            if (left <= minutes * 60 * 1000 && remainingMs > minutes * 60 * 1000 && !warned.has(minutes) && left > 0) {
                warned.add(minutes);
                if (announcer) announcer.textContent = minutes === 1 ? "One minute left." : `${minutes} minutes left.`;
            }
        }
        if (left <= 0) stop(element);
    };
    tick();
    clocks.set(element, setInterval(tick, 250));
}

export function stop(element) {
    const timer = clocks.get(element);
    if (timer !== undefined) clearInterval(timer);
    clocks.delete(element);
}
