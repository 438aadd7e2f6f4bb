/**
 * Le type des gestionnaires de l'arrière-plan, à part de handlers.ts : les gestionnaires d'une famille de
 * messages (handlers-*.ts) en prennent leur part (Pick) sans importer handlers.ts, qui les assemble.
 * Ainsi les imports ne vont que dans un sens : handlers.ts → handlers-*.ts → handler-types.ts.
 */
import type { SenderContext } from './dispatch';
import type { BackgroundMessageType, ParsedRequestOf, ResponseOf } from './protocol';

export type Handlers = { [T in BackgroundMessageType]: (req: ParsedRequestOf<T>, sender: SenderContext) => Promise<ResponseOf<T>> };
