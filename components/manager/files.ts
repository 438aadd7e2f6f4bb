import { base64ToBytes, encodeBase64 } from '../../lib/text/base64';
import { uiLanguage } from '../i18n';

/** Contenu d'un fichier choisi par l'utilisateur, en base64 (les messages ne portent que du JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const buffer = await readAsArrayBuffer(file);
  return encodeBase64(new Uint8Array(buffer));
}

function readAsArrayBuffer(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'));
    reader.readAsArrayBuffer(file);
  });
}

/** Fait télécharger un contenu produit localement (Blob + <a download>) : aucune requête réseau. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBlob(contentBase64: string, type: string): Blob {
  return new Blob([base64ToBytes(contentBase64) as BlobPart], { type });
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const locale = () => (uiLanguage() === 'en' ? 'en-GB' : 'fr-FR');

/** Taille lisible : « 12 o », « 1,2 Ko », « 3,4 Mo ». */
export function formatSize(bytes: number): string {
  const en = uiLanguage() === 'en';
  const units = en ? ['B', 'KB', 'MB', 'GB'] : ['o', 'Ko', 'Mo', 'Go'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  const num = new Intl.NumberFormat(locale(), { maximumFractionDigits: u === 0 ? 0 : 1 }).format(n);
  return `${num} ${units[u]}`;
}

/** Date (AAAA-MM-JJ ou ISO 8601) affichée à la française. */
export function formatDate(iso: string | undefined, withTime = false): string {
  if (!iso) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return withTime
    ? d.toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' })
    : d.toLocaleDateString(locale(), { dateStyle: 'short' } as Intl.DateTimeFormatOptions);
}
