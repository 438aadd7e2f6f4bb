import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Breadcrumb } from '../ui/common.tsx';
import { answerNotification } from '../actions.ts';
import { formatDate, formatTime, productName } from '../rules.ts';
import type { SimState } from '../types.ts';

/** Vos notifications (marque blanche, étape 3 producteur). */
export function Notifications({ s }: { s: SimState }): JSX.Element {
  const [search, setSearch] = useState('');
  const rows = s.notifications.map((n) => {
    const prod = s.products.find((p) => p.id === n.productId);
    return { n, produit: prod ? productName(prod) : String(n.productId) };
  });
  const needle = search.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => [r.n.emetteur, r.produit, r.n.type, r.n.contenu].some((t) => t.toLowerCase().includes(needle))) : rows;
  return (
    <div class="page">
      <Breadcrumb items={[{ label: 'Tableau de bord', href: '/tableau-de-bord' }, { label: 'Vos notifications' }]} />
      <h1>Vos notifications</h1>
      <div class="field inline-field">
        <label for="recherche-notifications">Rechercher :</label>
        <input id="recherche-notifications" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      <table class="table">
        <caption>Notifications reçues</caption>
        <thead>
          <tr>
            <th scope="col">Émetteur</th>
            <th scope="col">Produit</th>
            <th scope="col">Type</th>
            <th scope="col">Contenu</th>
            <th scope="col">Date de réception</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={6}>Aucune notification.</td>
            </tr>
          )}
          {shown.map(({ n, produit }) => (
            <tr key={n.id}>
              <td>{n.emetteur}</td>
              <td>{produit}</td>
              <td>{n.type}</td>
              <td>{n.contenu}</td>
              <td>
                {formatTime(n.receivedAt)} - {formatDate(n.receivedAt)}
              </td>
              <td class="actions">
                {n.status === 'nouvelle' ? (
                  <>
                    <button type="button" class="btn small" onClick={() => answerNotification(n.id, true)}>
                      Accepter
                    </button>
                    <button type="button" class="btn small secondary" onClick={() => answerNotification(n.id, false)}>
                      Refuser
                    </button>
                  </>
                ) : n.status === 'acceptee' ? (
                  'Acceptée'
                ) : (
                  'Refusée'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
