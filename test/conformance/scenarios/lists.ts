/* The list functions, side by side with Emacs: each script's forms evaluated through `el`. */
import { formScenario } from './lisp-forms';

export const listScenarios = [
  'lists-access',
  'lists-length',
  'lists-build',
  'lists-member',
  'lists-alist',
  'lists-map',
  'lists-number-sequence',
  'lists-plist',
  'lists-equality',
  'lists-destructive',
  'kit-edges',
  'kit-random',
].map(formScenario);
