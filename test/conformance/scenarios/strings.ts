/* The string functions, side by side with Emacs: each script's forms evaluated through `el`. */
import { formScenario } from './lisp-forms';
import { kitPort } from './kit-port';

export const stringScenarios = [
  'strings-concat',
  'strings-trim',
  'strings-chars',
  'strings-compare',
  'strings-search',
  'strings-url',
  'strings-case',
  'kit-unibyte',
].map(formScenario);

/** The same functions called as a port calls them, in TypeScript. */
export const portScenarios = [kitPort];
