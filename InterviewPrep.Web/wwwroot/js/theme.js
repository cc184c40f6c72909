// Remembers the theme for a year; the server reads the cookie when it renders a page.
export function setTheme(dark) {
    const value = dark ? "dark" : "light";
    document.cookie = `ip-theme=${value}; path=/; max-age=31536000; samesite=lax`;
    document.body.classList.toggle("theme-dark", dark);
    document.body.classList.toggle("theme-light", !dark);
}
