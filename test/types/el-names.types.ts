/**
 * Type tests, checked by `tsc --noEmit` (npm run typecheck), never run: each `@ts-expect-error`
 * line is a mistake that must not compile, so removing the precision it relies on fails the check.
 */
import { el, intern, processContact, setProcessHighWaterMark } from '../../src';
import type { NetworkProcess } from '../../src';

declare const proc: NetworkProcess;

// el is typed per name: an entry has the signature of its camelCase function.
el['process-contact'](proc, intern(':host'));
const contact: ReturnType<typeof processContact> = el['process-contact'](proc);
void contact;
// @ts-expect-error a misspelt Emacs name
el['proces-contact'](proc);
// Under noUncheckedIndexedAccess too, a known name is a function, not possibly undefined.
el['process-name'](proc).toUpperCase();
// @ts-expect-error backpressure functions are no Emacs functions, so not in el
el['process-drain'](proc);

setProcessHighWaterMark(proc, 1024);
