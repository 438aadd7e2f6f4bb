// IndexedDB en mémoire pour Dexie (fake-indexeddb), disponible dans tous les tests unitaires.
import 'fake-indexeddb/auto';
