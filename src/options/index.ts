export { OPTION_TABLE, REUSEADDR_ROW, findOption, isOptionKeyword } from './option-table';
export {
  OPTION_CODECS,
  encodeBool,
  decodeBool,
  encodeInt,
  decodeInt,
  encodeIfname,
  decodeIfname,
  encodeLinger,
  decodeLinger,
  encodeOption,
  decodeOption,
  toSocketOptions,
} from './encode';
export type { OptionCodec } from './encode';
export {
  parseLispAddress,
  localPathBytes,
  toSocketAddress,
  socketAddressToLisp,
  zeroDatagramAddress,
  zeroDatagramSocketAddress,
} from './address';
export { parseNetworkProcessArgs, DEFAULT_BACKLOG } from './parse-args';
export type { NetworkProcessArgs } from './parse-args';
export {
  applyCreationOptions,
  setNetworkOption,
  readNetworkOption,
  resetInheritedOptions,
  optionRowOf,
  isUnknownOptionError,
  UnknownOptionError,
} from './apply';
export type { SocketKind } from './apply';
export { fileError, systemFailure } from './file-error';
export type { SystemFailure } from './file-error';
export { featurep, networkSubfeatures, NETWORK_SUBFEATURES } from './features';
export { abortError, isAbortError } from './parse-abort';
export type { AbortSpec } from './parse-abort';
export type { Subfeature } from './features';
export { PROCESS_KEYWORDS, knownNetworkKeywords, suggestKeyword, editDistance } from './unknown-keyword';
export { asCInt, asFixnum } from './integer-range';
export type {
  ConnectionType,
  ConstantName,
  EncodedOption,
  EndpointSpec,
  Family,
  Handler,
  NetworkAddress,
  NetworkProcessSpec,
  OptionKind,
  OptionRow,
  OptionSetting,
  OptionsSpec,
  OptionStep,
  ProcessPlist,
  SocketOptions,
} from './types';
