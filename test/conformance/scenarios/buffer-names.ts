import {
  LispBuffer,
  bufferList,
  bufferLiveP,
  bufferName,
  bufferp,
  copyMarker,
  currentBuffer,
  funcall,
  equal,
  generateNewBuffer,
  generateNewBufferName,
  getBuffer,
  getBufferCreate,
  insert,
  insertBufferSubstring,
  intern,
  killBuffer,
  makeMarker,
  markerBuffer,
  markerPosition,
  nil,
  point,
  renameBuffer,
  setBuffer,
  setMarker,
  t,
  withCurrentBuffer,
  withTempBuffer,
  bufferSize,
} from '../../../src';
import { Scenario, lispBool } from '../twin';
import {} from './buffer-helpers';

const names: Scenario = {
  name: 'buf-names',
  async twin(out) {
    const a = getBufferCreate('a');
    out.p('get-buffer-create again', lispBool(a === getBufferCreate('a')));
    out.p('get-buffer-create a buffer', lispBool(a === getBufferCreate(a)));
    out.p('get-buffer by name', lispBool(a === getBuffer('a')));
    out.p('get-buffer unknown', getBuffer('no such'));
    await out.try('get-buffer-create INHIBIT-BUFFER-HOOKS', () => getBufferCreate('b', t));
    await out.try('get-buffer-create symbol', () => funcall('get-buffer-create', intern('foo')));
    await out.try('get-buffer-create empty', () => getBufferCreate(''));
    await out.try('get-buffer nil', () => funcall('get-buffer', nil));
    await out.try('get-buffer 5', () => funcall('get-buffer', 5));
    await out.try('generate-new-buffer twice', () => [generateNewBuffer('a'), generateNewBuffer('a')]);
    await out.try('generate-new-buffer-name taken', () => generateNewBufferName('a'));
    await out.try('generate-new-buffer-name IGNORE the name', () => generateNewBufferName('a', 'a'));
    await out.try('generate-new-buffer-name IGNORE a candidate', () => generateNewBufferName('a', 'a<4>'));
    await out.try('generate-new-buffer-name IGNORE a symbol', () => generateNewBufferName('a', intern('a')));
    await out.try('generate-new-buffer-name free', () => generateNewBufferName('free'));
    await out.try('generate-new-buffer-name empty', () => generateNewBufferName(''));
    await out.try('generate-new-buffer-name IGNORE 5', () => funcall('generate-new-buffer-name', 'a', 5));
    await out.try('generate-new-buffer 5', () => funcall('generate-new-buffer', 5));
    await out.try('generate-new-buffer empty', () => generateNewBuffer(''));
    await out.try('hidden names', () => {
      const first = generateNewBuffer(' hid');
      return [first, /^ hid-[0-9]+$/.test(generateNewBuffer(' hid').name) ? 0 : nil];
    });
    await out.try('buffer-name', () => [
      bufferName(a),
      withCurrentBuffer(a, () => bufferName()),
      bufferName(nil),
    ]);
    await out.try('buffer-name of a name', () => funcall('buffer-name', 'a'));
    const inA = (fn: () => unknown) => () => withCurrentBuffer(a, fn);
    await out.try(
      'rename-buffer to a taken name',
      inA(() => renameBuffer('b')),
    );
    await out.try(
      'rename-buffer to its own name',
      inA(() => renameBuffer('a')),
    );
    await out.try(
      'rename-buffer UNIQUE',
      inA(() => [renameBuffer('b', t), bufferName()]),
    );
    await out.try(
      'rename-buffer UNIQUE to its own name',
      inA(() => renameBuffer('b<2>', t)),
    );
    await out.try(
      'rename-buffer UNIQUE non-t',
      inA(() => renameBuffer('b', 5)),
    );
    await out.try(
      'rename-buffer',
      inA(() => [renameBuffer('renamed'), bufferName()]),
    );
    await out.try('old names', () => [
      getBuffer('a'),
      getBuffer('b<2>'),
      lispBool(a === getBuffer('renamed')),
    ]);
    await out.try(
      'rename-buffer empty',
      inA(() => renameBuffer('')),
    );
    await out.try(
      'rename-buffer symbol',
      inA(() => funcall('rename-buffer', intern('z'))),
    );
    const listed = ['renamed', 'b', 'a<2>', 'a<3>', ' hid'];
    await out.try('buffer-list order', () => bufferList().filter((b) => listed.includes(b.name)));
    await out.try('buffer-list FRAME ignored', () => lispBool(equal(bufferList(5), bufferList())));
    await out.try('bufferp', () => [bufferp(a), bufferp('renamed'), bufferp(5), bufferp(nil)]);
    await out.try('buffer-live-p', () => [
      bufferLiveP(a),
      bufferLiveP('renamed'),
      bufferLiveP(5),
      bufferLiveP(nil),
    ]);
    await out.try('current-buffer in with-current-buffer', () =>
      withCurrentBuffer('renamed', () => lispBool(currentBuffer() === a)),
    );
    await out.try('set-buffer returns the buffer', () =>
      withTempBuffer(() => lispBool(setBuffer('renamed') === a)),
    );
    await out.try('set-buffer unknown', () => setBuffer('no such'));
    await out.try('set-buffer 5', () => funcall('set-buffer', 5));
    await out.try('set-buffer nil', () => funcall('set-buffer', nil));
    await out.try('with-current-buffer unknown', () => withCurrentBuffer('no such', () => 1));
  },
};

const kill: Scenario = {
  name: 'buf-kill',
  async twin(out) {
    const k = getBufferCreate('k');
    const km = withCurrentBuffer(k, () => {
      insert('text');
      return copyMarker(3);
    });
    await out.try('kill-buffer', () => killBuffer(k));
    await out.try('kill-buffer again', () => killBuffer(k));
    await out.try('kill-buffer unknown', () => killBuffer('no such'));
    await out.try('kill-buffer 5', () => funcall('kill-buffer', 5));
    await out.try('the killed buffer', () => [
      k,
      bufferp(k),
      bufferLiveP(k),
      bufferName(k),
      getBuffer('k'),
      bufferSize(k),
    ]);
    await out.try('its marker', () => [km, markerBuffer(km), markerPosition(km)]);
    await out.try('get-buffer of it', () => getBuffer(k));
    await out.try('get-buffer-create of it', () => getBufferCreate(k));
    await out.try('set-buffer to it', () => setBuffer(k));
    await out.try('with-current-buffer it', () => withCurrentBuffer(k, point));
    await out.try('set-marker into it', () => setMarker(makeMarker(), 1, k));
    await out.try('insert-buffer-substring from it', () => withTempBuffer(() => insertBufferSubstring(k)));
    await out.try('a new buffer takes the name', () => [
      lispBool(getBufferCreate('k') === k),
      bufferLiveP(getBuffer('k')),
    ]);
    await out.try('kill-buffer by name', () => killBuffer('k'));
    await out.try('the killed current buffer is left', () => {
      const b = getBufferCreate('cur');
      return withTempBuffer(() => {
        setBuffer(b);
        return [killBuffer(), bufferLiveP(b), lispBool(currentBuffer() === b)];
      });
    });
    await out.try('with-temp-buffer killed inside', () => {
      let tb: LispBuffer | null = null;
      const value = withTempBuffer(() => {
        tb = currentBuffer();
        killBuffer(tb);
        return intern('body');
      });
      return [value, bufferLiveP(tb)];
    });
    await out.try('with-current-buffer of a buffer killed inside', () =>
      withTempBuffer(() => {
        const outer = currentBuffer();
        const b = getBufferCreate('inner');
        withCurrentBuffer(b, () => killBuffer(b));
        return lispBool(currentBuffer() === outer);
      }),
    );
  },
};

export const bufferNameScenarios: readonly Scenario[] = [names, kill];
