/* The string functions, side by side with Emacs: each script's forms evaluated through `el`. */
import { formScenario } from './lisp-forms';

export const stringScenarios = [
  'strings-concat',
  'strings-trim',
  'strings-chars',
  'strings-compare',
  'strings-search',
  'strings-url',
].map(formScenario);
