;;; re-case-fold.el --- string-match under case-fold-search nil and t  -*- lexical-binding: t; coding: utf-8 -*-

(defconst fold-cases
  '(("abc" "xABCx") ("ABC" "xabcx") ("é" "É") ("É" "é") ("σ" "Σ") ("σ" "ς") ("ς" "Σ") ("Σ" "ς")
    ("ß" "ẞ") ("ẞ" "ß") ("ß" "SS") ("ss" "ß") ("k" "K") ("K" "k") ("k" "\u212a") ("\u212a" "K")
    ("ı" "I") ("i" "İ") ("I" "ı") ("İ" "i") ("ǅ" "ǆ") ("ǅ" "Ǆ") ("Ǆ" "ǅ") ("µ" "μ") ("µ" "Μ") ("Μ" "µ")
    ("ſ" "s") ("s" "ſ") ("S" "ſ") ("𐐨" "𐐀") ("𐐀" "𐐨") ("ﬁ" "FI") ("ÿ" "Ÿ") ("Ÿ" "ÿ")
    ("[a-z]+" "ABC") ("[A-Z]+" "abc") ("[à-ÿ]+" "ÀÉÎ") ("[À-Þ]+" "àéî") ("[^a-z]" "A")
    ("[^A-Z]+" "abcD") ("[αω]" "Ω") ("[ά-ώ]+" "ΆΈΉ") ("[a-zé]+" "AÉB") ("[[:lower:]]" "A")
    ("\\(a\\)\\1" "aA") ("\\(É\\)\\1" "éÉ") ("\\(σ\\)\\1" "Σς") ("x\\(b\\)\\1" "XbB")
    ("\\w+" "ÀBC") ("\\bfoo\\b" "FOO") ("foo\\|bar" "BAR") ("a*" "AAAb") ("a\\{2\\}" "aA")
    ("ǲ" "ǳ") ("ა" "Ა") ("Ა" "ა") ("ǰ" "J̌") ("ΐ" "Ϊ́") ("ﬀ" "ff")))

;; In a temporary buffer: fundamental mode, the standard syntax table (*scratch* has Lisp's).
(with-temp-buffer
  (dolist (c fold-cases)
    (try (format "%S on %S" (car c) (cadr c))
         (mapcar (lambda (fold)
                   (let ((case-fold-search fold))
                     (and (string-match (car c) (cadr c)) (match-data))))
                 '(nil t)))))
