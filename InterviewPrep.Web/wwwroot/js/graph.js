// Loads the diagram library's script once, for the pages that draw a graph.
let loading;

export function load(src) {
    if (window.ZBlazorDiagrams) {
        return Promise.resolve();
    }

    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => {
            loading = undefined;
            reject(new Error(`Could not load ${src}`));
        };
        document.head.append(script);
    });
    return loading;
}
