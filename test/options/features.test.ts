import { intern, t } from '../../src/lisp/symbol';
import { LispValue } from '../../src/lisp/values';
import { featurep, NETWORK_SUBFEATURES, networkSubfeatures } from '../../src/options';
import { expectSignal } from './helpers';
import { EXTENSION_OPTION_KEYWORDS } from '../support/option-keywords';

const kw = intern;
const sym = intern;

describe('networkSubfeatures', () => {
  it("keeps Emacs 28's list in its order, then the extensions", () => {
    const emacs = NETWORK_SUBFEATURES.filter((entry) => entry.emacs).map((entry) => entry.feature);
    expect(emacs).toEqual([
      kw(':reuseaddr'),
      kw(':priority'),
      kw(':oobinline'),
      kw(':linger'),
      kw(':keepalive'),
      kw(':dontroute'),
      kw(':broadcast'),
      kw(':bindtodevice'),
      [kw(':server'), t],
      [kw(':service'), t],
      [kw(':family'), sym('ipv6')],
      [kw(':family'), sym('ipv4')],
      [kw(':family'), sym('local')],
      [kw(':type'), sym('seqpacket')],
      [kw(':type'), sym('datagram')],
      [kw(':nowait'), t],
    ]);
    const reported = networkSubfeatures();
    expect(reported.slice(0, emacs.length)).toEqual(emacs);
    expect(reported.slice(-11, -2)).toEqual(EXTENSION_OPTION_KEYWORDS.map(kw));
    expect(reported.slice(-2)).toEqual([kw(':signal'), kw(':timeout')]);
  });

  it('returns a fresh list each time', () => {
    const list = networkSubfeatures();
    list.pop();
    expect(networkSubfeatures()).toHaveLength(list.length + 1);
  });
});

describe('featurep', () => {
  it.each<[string, LispValue]>([
    ['(:nowait t)', [':nowait', true]],
    ['(:family local)', [kw(':family'), sym('local')]],
    ['(:family ipv4)', [':family', sym('ipv4')]],
    ['(:family ipv6)', [':family', sym('ipv6')]],
    ['(:service t)', [':service', t]],
    ['(:server t)', [kw(':server'), t]],
    [':bindtodevice', ':bindtodevice'],
    [':broadcast', kw(':broadcast')],
    [':dontroute', ':dontroute'],
    [':keepalive', ':keepalive'],
    [':linger', ':linger'],
    [':oobinline', ':oobinline'],
    [':priority', ':priority'],
    [':reuseaddr', ':reuseaddr'],
    [':nodelay (extension)', ':nodelay'],
    [':reuseport (extension)', kw(':reuseport')],
  ])('is t for %s', (_, subfeature) => {
    expect(featurep('make-network-process', subfeature)).toBe(t);
    expect(featurep(intern('make-network-process'), subfeature)).toBe(t);
  });

  it.each<[string, LispValue]>([
    ['(:server 5)', [':server', 5]],
    ['(:type stream)', [':type', sym('stream')]],
    ['(:family nil)', [':family', null]],
    [':tls-parameters', ':tls-parameters'],
    ['keepalive without the colon', sym('keepalive')],
  ])('is nil for %s', (_, subfeature) => {
    expect(featurep('make-network-process', subfeature)).toBeNull();
  });

  it('is t for the feature itself and nil for others', () => {
    expect(featurep('make-network-process')).toBe(t);
    expect(featurep(intern('make-network-process'), null)).toBe(t);
    expect(featurep('no-such-feature')).toBeNull();
    expect(featurep(intern('emacs-elproc-nothing'), ':keepalive')).toBeNull();
  });

  it('signals for a feature that is not a symbol', () => {
    expectSignal(() => featurep(42), 'wrong-type-argument', [intern('symbolp'), 42]);
  });
});
