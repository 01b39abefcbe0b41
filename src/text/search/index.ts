/* Searching the current buffer (Emacs's search.c and syntax.c for buffers), with the regexp engine of ../regex. */
export { lookingAt, lookingAtP, lookingBack } from './looking';
export {
  reSearchForward,
  reSearchBackward,
  searchForward,
  searchBackward,
  searchFunctions,
} from './search-functions';
export { skipCharsForward, skipCharsBackward } from './skip-chars';
