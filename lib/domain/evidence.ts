import type { EvidenceFile } from './schemas';

/** SHA-256 en hexadécimal minuscule, par Web Crypto : le même code dans le navigateur et sous Node 20. */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  const buf: ArrayBuffer =
    data instanceof Blob
      ? await data.arrayBuffer()
      : data instanceof Uint8Array
        ? (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
        : data;
  const digest = await crypto.subtle.digest('SHA-256', buf);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface NewEvidenceFile {
  productId: string;
  variantId?: string;
  name: string;
  type?: string;
  blob: Blob;
  evidenceType: string;
  criterionKey?: string;
}

/** Construit l'enregistrement d'une preuve ; l'id dérive de l'empreinte et du produit, pour qu'un même fichier ne soit gardé qu'une fois. */
export async function makeEvidenceFile(input: NewEvidenceFile, now = new Date()): Promise<EvidenceFile> {
  const hash = await sha256Hex(input.blob);
  const variantId = input.variantId ?? '';
  return {
    id: `${input.productId}|${variantId}|${hash.slice(0, 16)}|${input.evidenceType}`,
    productId: input.productId,
    variantId,
    name: input.name,
    type: input.type ?? input.blob.type ?? '',
    size: input.blob.size,
    hash,
    evidenceType: input.evidenceType,
    ...(input.criterionKey ? { criterionKey: input.criterionKey } : {}),
    addedAt: now.toISOString(),
    blob: input.blob,
  };
}
