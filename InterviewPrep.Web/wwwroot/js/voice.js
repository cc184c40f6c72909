// The voice player's use of the browser's speech APIs: reading the question aloud (speech synthesis)
// and hearing the answer (speech recognition, where the browser has it). Nothing is recorded or sent
// but the words the recogniser hears, which go into the answer box as if typed; the learner can
// correct them there, and typing always works.
const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
const preferences = "interviewprep.voice";

export function support() {
    return {
        synthesis: "speechSynthesis" in window && typeof SpeechSynthesisUtterance !== "undefined",
        recognition: typeof Recognition === "function",
    };
}

function saved() {
    try {
        return JSON.parse(localStorage.getItem(preferences) || "{}");
    } catch {
        return {};
    }
}

export function preferencesOf() {
    const p = saved();
    return { voice: p.voice || "", rate: typeof p.rate === "number" ? p.rate : 1 };
}

export function savePreferences(voice, rate) {
    try {
        localStorage.setItem(preferences, JSON.stringify({ voice, rate }));
    } catch {
        // private mode: the choice lasts for this page only
    }
}

// The voices the browser offers (they may arrive a moment after the page loads).
export function voices() {
    if (!support().synthesis) {
        return Promise.resolve([]);
    }

    const list = () => speechSynthesis.getVoices().map(v => ({ name: v.name, lang: v.lang }));
    const now = list();
    if (now.length > 0) {
        return Promise.resolve(now);
    }

    return new Promise(resolve => {
        const done = () => resolve(list());
        speechSynthesis.addEventListener("voiceschanged", done, { once: true });
        setTimeout(done, 1500);
    });
}

export function speak(text, voiceName, rate, player) {
    if (!support().synthesis) {
        return false;
    }

    try {
        return say(text, voiceName, rate, player);
    } catch {
        return false; // the page falls back to showing the question only
    }
}

function say(text, voiceName, rate, player) {
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    const voice = speechSynthesis.getVoices().find(v => v.name === voiceName);
    if (voice) {
        utterance.voice = voice;
        utterance.lang = voice.lang;
    } else {
        utterance.lang = "en-US";
    }

    utterance.rate = Math.min(2, Math.max(0.5, rate || 1));
    utterance.onend = () => player?.invokeMethodAsync("OnSpeakingEnded");
    utterance.onerror = () => player?.invokeMethodAsync("OnSpeakingEnded");
    speechSynthesis.speak(utterance);
    return true;
}

export function stopSpeaking() {
    if (support().synthesis) {
        speechSynthesis.cancel();
    }
}

let listening = null;

// Starts hearing the answer. What was in the box stays; heard words are added after it, the words
// still being recognised shown as they come. Reports the time spent listening when it stops, and an
// error code ("not-allowed", "audio-capture", "no-speech", "network"...) when the browser refuses.
export function listen(box, player) {
    if (!Recognition) {
        player.invokeMethodAsync("OnListeningError", "unsupported");
        return false;
    }

    stopListening();
    const recognition = new Recognition();
    recognition.lang = "en-US";
    recognition.continuous = true;
    recognition.interimResults = true;
    const before = box.value.trim();
    let heard = "";
    const state = { recognition, startedAt: performance.now(), failed: false };
    listening = state;

    const show = interim => {
        const text = [before, heard.trim(), interim.trim()].filter(Boolean).join(" ");
        box.value = text;
        box.dispatchEvent(new Event("input", { bubbles: true }));
    };

    recognition.onresult = event => {
        let interim = "";
        for (let i = event.resultIndex; i < event.results.length; i++) {
            const result = event.results[i];
            if (result.isFinal) {
                heard += " " + result[0].transcript;
            } else {
                interim += " " + result[0].transcript;
            }
        }

        show(interim);
    };
    recognition.onerror = event => {
        state.failed = true;
        player.invokeMethodAsync("OnListeningError", event.error || "unknown");
    };
    recognition.onend = () => {
        if (listening === state) {
            listening = null;
        }

        show("");
        player.invokeMethodAsync("OnListeningEnded", Math.round(performance.now() - state.startedAt));
    };

    try {
        recognition.start();
    } catch {
        listening = null;
        player.invokeMethodAsync("OnListeningError", "unknown");
        return false;
    }

    return true;
}

export function stopListening() {
    const state = listening;
    if (state) {
        listening = null;
        try {
            state.recognition.stop();
        } catch {
            // already stopped
        }
    }
}

// Moves keyboard focus to an element (a heading with tabindex="-1"), scrolling it into view.
export function focusById(id) {
    document.getElementById(id)?.focus();
}
