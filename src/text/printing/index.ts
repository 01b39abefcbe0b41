/* Printing to Emacs's output streams (print.c): buffers, markers, functions, standard output. */
export {
  prin1,
  princ,
  print,
  terpri,
  writeChar,
  prin1ToStringFn,
  withOutputToString,
  printFunctions,
} from './print-functions';
export type { PrintCharFun } from './print-stream';
