/**
 * Suit les changements d'une page dynamique (application monopage, questions qui apparaissent)
 * à moindre coût : un seul MutationObserver, des rappels regroupés par image (requestAnimationFrame
 * ou délai court), et les mutations internes à l'interface de l'extension ignorées.
 */
export function watchPage(doc: Document, onChange: () => void, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  const observer = new MutationObserver((records) => {
    // Nos propres éléments vivent dans une racine fantôme : leurs mutations n'arrivent pas ici,
    // sauf l'insertion de l'hôte, qu'on ignore.
    if (records.every((r) => isOwnHost(r.target) || [...r.addedNodes, ...r.removedNodes].every(isOwnHost))) return;
    schedule();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden', 'open', 'aria-hidden', 'style'],
    characterData: true,
  });
  const win = doc.defaultView;
  win?.addEventListener('popstate', schedule);
  return () => {
    observer.disconnect();
    win?.removeEventListener('popstate', schedule);
    if (timer !== undefined) clearTimeout(timer);
  };
}

function isOwnHost(node: Node): boolean {
  // Tous nos hôtes d'interface (panneau, garde, repères) portent un nom qui commence par assistant-convergence.
  return node.nodeType === 1 && (node as Element).tagName.toLowerCase().startsWith('assistant-convergence');
}
