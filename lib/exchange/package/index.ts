/**
 * Paquets producteur (`.convergence-paquet`) : format, sérialisation canonique, clés, construction et
 * signature, vérification, différences, règle de rejeu. Sans framework ni API de navigateur autre que
 * `globalThis.crypto.subtle` (Node 20 et pages de l'extension). Format décrit dans docs/formats.md § 6.
 */
export * from './format';
export { canonicalBytes, canonicalJson, CanonicalError } from './canonical';
export { decodeCanonicalBase64, encodeBase64 } from '../../text/base64';
export {
  displayFingerprint,
  exportPublicKeyJwk,
  exportPublicKeyPem,
  generateSigningKeyPair,
  keyFingerprint,
} from './keys';
export type { KeyFingerprint } from './keys';
export { buildPackage, isConfidentialComment, packageFileName, preparePackage, signPackageDocument } from './build';
export type { BuiltPackage, PackageFieldChoice, PackageInput, PackageLeftOut, PackageSelection, PreparedPackage } from './build';
export { verifyPackage } from './verify';
export type { PackageFailureKind, PackageVerification } from './verify';
export { changedFields, diffPackages, DIFF_FIELD_LABELS, inheritableByDistributor, inheritedChanges } from './diff';
export type { InheritedChange, PackageChange, PackageDiff, PackageDiffEntry, PackageDiffField, PackageMetaChange } from './diff';
export { checkReplay, packageIdentity } from './replay';
export type { KnownPackage, PackageIdentity, ReplayVerdict } from './replay';
export { summarizePackage } from './summary';
export type { PackageSummary } from './summary';
