/** Styles de la garde, dans ses propres racines fantômes (le CSS de la page n'y entre pas). */
export const DIALOG_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(15, 23, 42, .55); display: flex; align-items: center; justify-content: center; padding: 16px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1e293b; }
.dialog { background: #fff; border-radius: 8px; border-top: 6px solid #b45309; box-shadow: 0 12px 40px rgba(0,0,0,.35); max-width: 720px; width: 100%; max-height: calc(100vh - 32px); display: flex; flex-direction: column; }
.head { padding: 18px 22px 8px; }
h2 { margin: 0 0 6px; font-size: 19px; line-height: 1.3; color: #7c2d12; }
p { margin: 0; }
.list { margin: 0; padding: 6px 22px 6px 40px; overflow: auto; flex: 1 1 auto; }
.list:focus-visible { outline: 2px solid #1d4ed8; outline-offset: -2px; }
li { margin: 0 0 10px; }
.text { font-weight: 600; }
.detail { color: #475569; font-size: 14px; }
.todo { font-size: 14px; }
.foot { padding: 12px 22px 18px; border-top: 1px solid #e2e8f0; }
.hint { font-size: 13px; color: #475569; margin-bottom: 10px; }
.actions { display: flex; gap: 10px; flex-wrap: wrap; justify-content: flex-end; }
button { font: inherit; font-weight: 600; border-radius: 6px; padding: 8px 16px; cursor: pointer; border: 2px solid #1d4ed8; }
button.primary { background: #1d4ed8; color: #fff; }
button.secondary { background: #fff; color: #1d4ed8; }
/* Focus à 5:1 sur le blanc (un indicateur de focus doit atteindre 3:1, WCAG 1.4.11). */
button:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
`;

export const MARKER_CSS = `
:host { all: initial; display: block; margin: 6px 0; }
.marker { display: inline-block; font: 600 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #7c2d12; background: #fff7ed; border: 2px solid #b45309; border-radius: 6px; padding: 3px 10px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Applique une feuille de style à une racine fantôme : feuille construite si possible, sinon un élément <style> (textContent). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  const Sheet = doc.defaultView?.CSSStyleSheet;
  try {
    if (Sheet && 'adoptedStyleSheets' in root && typeof Sheet.prototype.replaceSync === 'function') {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // repli ci-dessous
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}
