import {
  checkCodingSystem,
  codingSystemBase,
  codingSystemChangeEolConversion,
  codingSystemEolType,
  codingSystemGet,
  codingSystemP,
  detectCodingString,
  intern,
  prin1ToString,
  t,
  unibyteString,
} from '../../../src';
import type { LispString } from '../../../src';
import type { Scenario } from '../twin';

/** What the coding-system functions say about every supported name. */
const codingProps: Scenario = {
  name: 'coding-props',
  async twin(out) {
    // prettier-ignore
    const names = [
      'utf-8', 'utf-8-unix', 'utf-8-dos', 'utf-8-mac', 'utf-8-emacs', 'utf-8-emacs-unix', 'utf-8-auto',
      'utf-8-with-signature', 'prefer-utf-8', 'undecided', 'undecided-dos', 'us-ascii', 'ascii', 'iso-latin-1',
      'latin-1', 'iso-8859-1', 'latin-1-dos', 'iso-8859-2', 'iso-8859-15', 'latin-9', 'windows-1252', 'cp1252',
      'windows-1251', 'koi8-r', 'shift_jis', 'sjis', 'japanese-shift-jis', 'euc-jp', 'japanese-iso-8bit', 'utf-16',
      'utf-16le', 'utf-16be', 'utf-16-le', 'utf-16-be', 'utf-16le-dos', 'georgian-academy', 'georgian-ps',
      'raw-text', 'raw-text-dos', 'binary', 'no-conversion', 'mule-utf-8', 'emacs-internal',
    ];
    for (const name of names) {
      const cs = intern(name);
      out.p(name, [
        codingSystemP(cs),
        checkCodingSystem(cs),
        codingSystemBase(cs),
        codingSystemEolType(cs),
        codingSystemGet(cs, intern(':mime-charset')),
      ]);
    }
    // prettier-ignore
    const eols = [intern('unix'), intern('dos'), intern('mac'), null, 0, 1, 2];
    for (const name of [
      'utf-8',
      'utf-8-dos',
      'latin-1',
      'iso-latin-1-mac',
      'binary',
      'undecided',
      'raw-text',
      'utf-16le',
      'shift_jis',
    ]) {
      out.p(
        `change-eol ${name}`,
        eols.map((e) => codingSystemChangeEolConversion(intern(name), e)),
      );
    }
    const others = [
      null,
      'utf-8',
      5,
      intern('no-such'),
      intern('utf-8-foo'),
      intern('binary-dos'),
      intern('utf-8-dos-unix'),
    ];
    out.p(
      'coding-system-p others',
      others.map((x) => codingSystemP(x)),
    );
    await out.try('check-coding-system unknown', () => checkCodingSystem(intern('no-such')));
    await out.try('check-coding-system string', () => checkCodingSystem('utf-8'));
    await out.try('check-coding-system nil', () => checkCodingSystem(null));
    await out.try('coding-system-base unknown', () => codingSystemBase(intern('no-such')));
    out.p('coding-system-eol-type others', [
      codingSystemEolType(null),
      codingSystemEolType(intern('no-such')),
    ]);
    out.p(
      'default-char',
      ['us-ascii', 'latin-1', 'binary', 'utf-8'].map((c) =>
        codingSystemGet(intern(c), intern(':default-char')),
      ),
    );
    const strings: LispString[] = [
      'abc',
      'a\r\nb',
      'a\rb',
      'a\nb\r\n',
      unibyteString(99, 97, 102, 195, 169),
      'café',
      unibyteString(97, 13, 10, 195, 169),
      unibyteString(99, 97, 102, 233),
    ];
    for (const s of strings) {
      out.p(`detect ${prin1ToString(s, { escapeNewlines: true })}`, [
        detectCodingString(s),
        detectCodingString(s, t),
      ]);
    }
  },
};

export const codingPropsScenarios: readonly Scenario[] = [codingProps];
