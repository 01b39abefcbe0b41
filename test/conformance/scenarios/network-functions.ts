import {
  LispValue,
  LispVector,
  formatNetworkAddress,
  intern,
  networkInterfaceInfo,
  networkInterfaceList,
  networkLookupAddressInfo,
  prin1ToString,
  readFromString,
  t,
} from '../../../src';
import { Scenario, Transcript, lispBool } from '../twin';

/** Reads the Lisp list the Emacs script loops over, so that both sides use the same values. */
function lispList(text: string): LispValue[] {
  return readFromString(text) as LispValue[];
}

/**
 * The messages `network-lookup-address-info` emitted (Emacs prints them on stderr) during the
 * latest run of each twin, so that network-functions.test.ts can compare them with Emacs's.
 * Capturing them also keeps them out of jest's output.
 */
export const lastMessages = new Map<string, string[]>();

async function recordingMessages(name: string, run: () => Promise<void>): Promise<void> {
  const messages: string[] = [];
  lastMessages.set(name, messages);
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error) => {
    messages.push(typeof warning === 'string' ? warning : warning.message);
  }) as typeof process.emitWarning;
  try {
    await run();
  } finally {
    process.emitWarning = original;
  }
}

const formatAddresses: Scenario = {
  name: 'format-network-address',
  async twin(out) {
    const addresses =
      lispList(`([127 0 0 1 80] [127 0 0 1] [0 0 0 0 0 0 0 1 443] [0 0 0 0 0 0 0 1] [65152 0 0 0 0 0 0 1 0]
      [8193 3512 0 0 0 43981 0 65535 65535] [255 255 255 255 0] [1 2 3 4 5 6 7 8 9]
      [256 0 0 1 0] [1 2 3 4 65536] [1 2 3 4 -1] [1 2 3 4 "x"] [1 2 3 4 x] [1 2 3] []
      "/tmp/sock" "" nil (2 . [1 2 3]) (2 3) (2.7 . 0) (-2.7 . 0) (99999999999999999999999 . 0)
      (foo . bar) ("2" . 0) [1.0 2 3 4 5] [1 2 3 4.5 5] 42 foo
      [0 0 0 0 0 0 0 65536 0] [0 0 0 0 0 0 0 0 0 0])`);
    for (const a of addresses) {
      const label = `format-network-address ${prin1ToString(a)}`;
      await out.try(label, () => formatNetworkAddress(a));
      await out.try(`${label} omit-port`, () => formatNetworkAddress(a, t));
    }
  },
};

async function lookups(out: Transcript, list: string): Promise<void> {
  for (const args of lispList(list) as LispValue[][]) {
    await out.try(`network-lookup-address-info ${prin1ToString(args)}`, () =>
      networkLookupAddressInfo(...(args as [unknown, unknown?])),
    );
  }
}

/** network-lookup-numeric: nothing in it asks a name service (see its Emacs script). */
export const lookupNumeric: Scenario = {
  name: 'network-lookup-numeric',
  twin: (out) =>
    recordingMessages('network-lookup-numeric', async () => {
      await lookups(
        out,
        `(("127.0.0.1") ("127.1") ("0xe3010203") ("1") ("::1") ("::1" ipv6) ("::1" ipv4)
          ("127.0.0.1" ipv4) ("127.0.0.1" ipv6) ("::ffff:127.0.0.1") ("::ffff:127.0.0.1" ipv4) ("fe80::1"))`,
      );
      await out.try('bad family', () => networkLookupAddressInfo('127.0.0.1', intern('inet')));
      await out.try('family as a string', () => networkLookupAddressInfo('127.0.0.1', 'ipv4'));
      await out.try('bad family is checked before the name', () =>
        networkLookupAddressInfo(42, intern('inet')),
      );
    }),
};

/**
 * network-lookup-names: only with isolated name lookups, where /etc/hosts answers. The non-ASCII
 * checks are here too: a port that lost them would look those names up.
 */
export const lookupNames: Scenario = {
  name: 'network-lookup-names',
  twin: (out) =>
    recordingMessages('network-lookup-names', async () => {
      await lookups(
        out,
        `(("localhost") ("localhost" ipv4) ("localhost" ipv6) ("nonexistent.invalid")
          ("nonexistent.invalid" ipv6) ("elproc-dual.test") ("elproc-dual.test" ipv4)
          ("elproc-dual.test" ipv6) ("elproc-v4only.test" ipv6) ("elproc-v6only.test")
          ("elproc-v6only.test" ipv4) ("") ("1.2.3.256") ("1.2.3.4.5"))`,
      );
      await out.try('non-ascii', () => networkLookupAddressInfo('bücher.invalid'));
      await out.try('non-ascii ipv6', () => networkLookupAddressInfo('ü', intern('ipv6')));
    }),
};

const interfaceInfo: Scenario = {
  name: 'network-interface-info',
  async twin(out) {
    const names = lispList(`("lo" "lo:elproc" "nosuch0" "" "abcdefghijklmno" "abcdefghijklmnop"
      "abcdefghijklmnopq" "éééééééé" "ééééééé")`);
    for (const name of names) {
      await out.try(`network-interface-info ${prin1ToString(name)}`, () => networkInterfaceInfo(name));
    }
    await out.try('network-interface-info symbol', () => networkInterfaceInfo(intern('lo')));
    await out.try('network-interface-info nil', () => networkInterfaceInfo(null));
    await out.try('network-interface-info 42', () => networkInterfaceInfo(42));
  },
};

type Entry = LispValue[] | { car: LispValue; cdr: LispValue };

/** The Emacs script's `lo-only`. */
function loOnly(list: LispValue[] | null): LispValue[] | null {
  const entries = (list ?? []).filter(
    (e) => (Array.isArray(e) ? e[0] : (e as { car: LispValue }).car) === 'lo',
  );
  return entries.length === 0 ? null : entries;
}

const interfaceList: Scenario = {
  name: 'network-interface-list',
  async twin(out) {
    const ipv4 = intern('ipv4');
    const ipv6 = intern('ipv6');
    await out.try('network-interface-list', () => loOnly(networkInterfaceList()));
    await out.try('network-interface-list t', () => loOnly(networkInterfaceList(t)));
    await out.try('network-interface-list nil ipv4', () => loOnly(networkInterfaceList(null, ipv4)));
    await out.try('network-interface-list t ipv4', () => loOnly(networkInterfaceList(t, ipv4)));
    await out.try('network-interface-list nil ipv6', () => loOnly(networkInterfaceList(null, ipv6)));
    await out.try('network-interface-list t ipv6', () => loOnly(networkInterfaceList(t, ipv6)));
    await out.try('network-interface-list bad family', () => networkInterfaceList(null, intern('inet')));
    await out.try('network-interface-list t family as a string', () => networkInterfaceList(t, 'ipv4'));
    const plain = (networkInterfaceList() ?? []) as Entry[];
    const full = (networkInterfaceList(t) ?? []) as Entry[];
    out.p(
      'every entry is (NAME . VECTOR)',
      lispBool(
        plain.every((e) => !Array.isArray(e) && typeof e.car === 'string' && e.cdr instanceof LispVector),
      ),
    );
    out.p(
      'every full entry is (NAME ADDR BCAST MASK)',
      lispBool(
        full.every(
          (e) => Array.isArray(e) && e.length === 4 && e.slice(1).every((x) => x instanceof LispVector),
        ),
      ),
    );
    out.p('as many entries with FULL as without', lispBool(plain.length === full.length));
    const v4 = networkInterfaceList(null, ipv4) ?? [];
    const v6 = networkInterfaceList(null, ipv6) ?? [];
    out.p('the families add up', lispBool(plain.length === v4.length + v6.length));
  },
};

/** The scenarios that ask no name service. */
export const networkFunctionScenarios: readonly Scenario[] = [
  formatAddresses,
  lookupNumeric,
  interfaceInfo,
  interfaceList,
];
