;;; re-case-functions.el --- upcase, downcase, capitalize, upcase-initials  -*- lexical-binding: t; coding: utf-8 -*-

(defun all-cases (obj)
  "OBJ through upcase, downcase, capitalize and upcase-initials."
  (mapcar (lambda (f) (condition-case err (funcall f obj) (error (list 'SIGNAL err))))
          '(upcase downcase capitalize upcase-initials)))

;; In a temporary buffer: fundamental mode, the standard syntax table (*scratch* has Lisp's).
(with-temp-buffer
  (dolist (s '("hello world" "HELLO WORLD" "hElLo wOrLd" "" "x" "X" "123abc" "abc123def"
               "it's" "don't stop" "foo-bar_baz" "foo.bar" "o'neil mc donald" "tab\tsep\nnew"
               "éte ÉTÉ àçœ" "ÿ" "Ÿ" "µ" "straße" "STRASSE" "ß" "ẞ" "ßa" "aß"
               "ΣΑΣ" "ΟΔΟΣ ΟΔΟΣ." "σας" "Σ" "ΑΣ" "ΑΣ1" "ΑΣb" "ΑΣ'" "ς" "ὈΔΥΣΣΕΎΣ"
               "ŉ" "ŉa" "ﬁ" "ﬁne ﬂow" "ﬀ" "ǆ" "ǅ" "Ǆ" "ǆemal" "ǈǋǲ" "ǈub ǋa ǲz" "ΐ"
               "აბგ" "ᲐᲑᲒ" "აბ გდ"
               "İstanbul" "ı" "i" "I" "İ" "iİıI"
               "𐐨𐐩 𐐀𐐁" "𝒜bc" "😀a" "a😀b" "ꞵ" "Ꞵ"
               "ǰ" "ﬆ" "ᾳ" "ᾼ" "ᾀ" "ﬓ"
               "x1y2" "1st 2nd" "e=mc²" "Ω ω" "ABC-DEF" "don’t"
               "ǆ ǆa" "ǉUBLJANA" "ΆΣ ΌΣΟΣ" "ΣΑ ΣΑΣ Σ-Σ" "123 4ab _ab -ab" "ßa ﬁb ŉc"
               "ÀÉÎ ÕÜ" "\u0345" "a\u0345b" "İİ" "ꭰꭱ" "ᏸᏹ" "ɐɑɒ" "o'neil's d'arc"))
    (try (format "string %S" s) (all-cases s)))
  (dolist (c (list ?a ?A ?z ?1 ?\s ?ß ?ẞ ?é ?É ?ÿ ?Ÿ ?σ ?ς ?Σ ?ı ?İ ?i ?ŉ ?ﬁ ?ǅ ?ǆ ?Ǆ
                   ?ǈ ?ǉ ?ꭰ ?Ꭰ ?ǲ ?ა ?Ა ?𐐨 ?𐐀 ?😀 ?µ ?ſ ?K ?Ω
                   (+ ?a (ash 1 27)) (+ ?A (ash 1 26)) (+ ?é (ash 1 23))
                   #x3fff80 #x3fffff #x400000 #xfc00000 #xfc00001 (1+ most-positive-fixnum) 0))
    (try (format "char %S" c) (all-cases c)))
  (try "unibyte buffer chars"
       (with-temp-buffer (set-buffer-multibyte nil) (list (all-cases ?a) (all-cases #xe9) (all-cases #xc9))))
  (try "negative" (all-cases -1))
  (try "symbol" (all-cases 'abc))
  (try "nil" (all-cases nil))
  (try "float" (all-cases 1.5))
  (try "list" (all-cases '(?a)))
  (try "vector" (all-cases [?a])))
