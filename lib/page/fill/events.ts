/**
 * Gestes de remplissage que tout framework enregistre : on agit comme une personne (clic sur une
 * option, frappe dans un champ), avec la séquence d'événements d'un vrai navigateur, puis on relit.
 * Chaque geste est synchrone : le moteur (engine.ts) décide quand laisser la page réagir.
 */

function fire(el: Element, type: string, init: EventInit = {}): void {
  el.dispatchEvent(new Event(type, { bubbles: true, cancelable: false, ...init }));
}

/** Affecte la valeur par le mutateur natif (celui du prototype), que les frameworks ne court-circuitent pas. */
function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

/**
 * Frappe un texte sans prendre le focus : touches, valeur native, input, change. La sortie du champ (blur),
 * qui déclenche les validations « à la sortie », est faite à part (visitControl), une fois la page rendue :
 * une validation qui lit l'état du dernier rendu voit alors la valeur saisie.
 */
export function typeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): boolean {
  if (el.disabled || el.readOnly) return false;
  const win = el.ownerDocument.defaultView;
  const KeyboardEventCtor = win?.KeyboardEvent ?? KeyboardEvent;
  const InputEventCtor = win?.InputEvent ?? InputEvent;
  el.dispatchEvent(new KeyboardEventCtor('keydown', { bubbles: true, key: 'Unidentified' }));
  setNativeValue(el, value);
  el.dispatchEvent(new InputEventCtor('input', { bubbles: true, inputType: 'insertReplacementText', data: value }));
  el.dispatchEvent(new KeyboardEventCtor('keyup', { bubbles: true, key: 'Unidentified' }));
  fire(el, 'change');
  return el.value === value;
}

/** Saisie complète d'une personne : focus, frappe, sortie du champ (pour une reprise champ par champ). */
export function typeText(el: HTMLInputElement | HTMLTextAreaElement, value: string): boolean {
  if (el.disabled || el.readOnly) return false;
  el.focus({ preventScroll: true });
  const ok = typeValue(el, value);
  el.blur();
  return ok && el.value === value;
}

/**
 * Passe dans un champ et en sort, comme une personne qui relit : les événements focus, focusin, blur, focusout,
 * que les frameworks écoutent pour leurs validations « à la sortie ». Sans déplacer le focus réel : chaque
 * focus() forcerait le navigateur à recalculer les styles de la page (:focus), des centaines de fois de suite.
 */
export function visitControl(el: HTMLElement): void {
  if (!el.isConnected) return;
  const FocusEventCtor = el.ownerDocument.defaultView?.FocusEvent ?? FocusEvent;
  el.dispatchEvent(new FocusEventCtor('focus', { bubbles: false }));
  el.dispatchEvent(new FocusEventCtor('focusin', { bubbles: true }));
  el.dispatchEvent(new FocusEventCtor('blur', { bubbles: false }));
  el.dispatchEvent(new FocusEventCtor('focusout', { bubbles: true }));
}

/** Coche une option (radio ou case) par un vrai clic ; rend vrai si elle est cochée ensuite. */
export function checkOption(input: HTMLInputElement, checked = true): boolean {
  if (input.disabled) return false;
  if (input.checked !== checked) input.click();
  return input.checked === checked;
}

/** Choisit une option d'une liste déroulante par son texte ; rend vrai si elle est choisie ensuite. */
export function selectOption(select: HTMLSelectElement, optionText: string): boolean {
  if (select.disabled) return false;
  const wanted = Array.from(select.options).find((o) => o.text.trim() === optionText.trim());
  if (!wanted) return false;
  setNativeValue(select, wanted.value);
  fire(select, 'input');
  fire(select, 'change');
  return select.value === wanted.value;
}

/** Joint des fichiers à un champ fichier, comme un dépôt : DataTransfer, puis input et change. */
export function attachFiles(input: HTMLInputElement, files: File[]): boolean {
  if (input.disabled) return false;
  const win = input.ownerDocument.defaultView;
  const DataTransferCtor = win?.DataTransfer ?? DataTransfer;
  const dt = new DataTransferCtor();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  fire(input, 'input');
  fire(input, 'change');
  return (input.files?.length ?? 0) === files.length;
}
