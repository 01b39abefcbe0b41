import { conformanceSuite } from './harness';
import { unixSockets } from './scenarios/families';

// Alone in its file: jest gives each file fresh modules, so elproc's accept counter starts at
// zero here as Emacs's does in a fresh `emacs --batch`, and the children are "us <1>", "us <2>".
conformanceSuite('conformance: Unix-socket servers and clients', [unixSockets]);
