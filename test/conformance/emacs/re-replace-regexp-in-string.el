;;; re-replace-regexp-in-string.el --- replace-regexp-in-string  -*- lexical-binding: t; coding: utf-8 -*-

(defun seen (m)
  "A REP function: what it was called with and the match data it sees, as a string."
  (format "<%s|%S|%S>" m (match-data) (match-string 1 m)))

;; In a temporary buffer: fundamental mode, the standard syntax table (*scratch* has Lisp's).
(with-temp-buffer
  (let ((case-fold-search nil))
    (try "simple" (replace-regexp-in-string "o" "0" "foo boo"))
    (try "no match" (replace-regexp-in-string "z" "0" "foo boo"))
    (try "ampersand" (replace-regexp-in-string "o+" "[\\&]" "foo boo"))
    (try "groups" (replace-regexp-in-string "\\(\\w\\)\\(\\w*\\)" "\\2\\1" "abc de f"))
    (try "backslash backslash" (replace-regexp-in-string "/" "\\\\" "a/b/c"))
    (try "invalid backslash" (replace-regexp-in-string "/" "\\x" "a/b/c"))
    (try "literal" (replace-regexp-in-string "o" "\\&" "foo" nil t))
    (try "fixedcase nil, upper" (replace-regexp-in-string "foo" "bar" "foo Foo FOO"))
    (try "fixedcase t" (replace-regexp-in-string "foo" "bar" "foo Foo FOO" t))
    (try "case-fold-search t" (let ((case-fold-search t)) (replace-regexp-in-string "foo" "bar" "foo Foo FOO")))
    (try "case-fold-search t, fixedcase" (let ((case-fold-search t)) (replace-regexp-in-string "foo" "bar" "foo Foo FOO" t)))
    (try "subexp 1" (replace-regexp-in-string "\\(a\\)\\(b\\)" "X" "ab ab" nil nil 1))
    (try "subexp 2" (replace-regexp-in-string "\\(a\\)\\(b\\)" "<\\1>" "ab ab" nil nil 2))
    (try "subexp unmatched" (replace-regexp-in-string "\\(a\\)\\|b" "X" "ab" nil nil 1))
    (try "subexp too large" (replace-regexp-in-string "\\(a\\)" "X" "ab" nil nil 3))
    (try "start 0" (replace-regexp-in-string "o" "0" "foo boo" nil nil nil 0))
    (try "start 2" (replace-regexp-in-string "o" "0" "foo boo" nil nil nil 2))
    (try "start 4" (replace-regexp-in-string "o" "0" "foo boo" nil nil nil 4))
    (try "start at end" (replace-regexp-in-string "o" "0" "foo" nil nil nil 3))
    (try "start past end" (replace-regexp-in-string "o" "0" "foo" nil nil nil 5))
    (try "start anchor" (replace-regexp-in-string "^b" "B" "aab" nil nil nil 2))
    (try "start buffer anchor" (replace-regexp-in-string "\\`b" "B" "aab" nil nil nil 2))
    (try "empty matches" (replace-regexp-in-string "x*" "-" "abc"))
    (try "empty matches in the middle" (replace-regexp-in-string "b*" "-" "abbc"))
    (try "empty regexp" (replace-regexp-in-string "" "-" "abc"))
    (try "empty string" (replace-regexp-in-string "x*" "-" ""))
    (try "caret" (replace-regexp-in-string "^" "> " "a\nb\nc"))
    (try "dollar" (replace-regexp-in-string "$" ";" "a\nb\nc"))
    (try "buffer start" (replace-regexp-in-string "\\`" "> " "a\nb"))
    (try "buffer end" (replace-regexp-in-string "\\'" "!" "a\nb"))
    (try "caret after first match" (replace-regexp-in-string "^a" "X" "aaa"))
    (try "word boundary" (replace-regexp-in-string "\\bfoo\\b" "X" "foo foobar barfoo foo"))
    (try "whitespace collapse" (replace-regexp-in-string "[ \t\n]+" " " "  a \t b\n\nc  "))
    (try "non-BMP" (replace-regexp-in-string "😀" "[\\&]" "a😀b😀"))
    (try "non-BMP start" (replace-regexp-in-string "b" "B" "😀b😀b" nil nil nil 2))
    ;; REP as a function.
    (try "function upcase" (replace-regexp-in-string "o+" #'upcase "foo boo"))
    (try "function sees" (replace-regexp-in-string "\\(o\\)+" #'seen "foo boo"))
    (try "function sees, lookahead context" (replace-regexp-in-string "o\\(o\\)?\\b" #'seen "fooo"))
    (try "function result substituted" (replace-regexp-in-string "o" (lambda (_) "\\&\\&") "fo"))
    (try "function result literal" (replace-regexp-in-string "o" (lambda (_) "\\&\\&") "fo" nil t))
    (try "function result case" (let ((case-fold-search t)) (replace-regexp-in-string "foo" (lambda (_) "bar") "Foo FOO")))
    (try "function result case, fixedcase" (let ((case-fold-search t)) (replace-regexp-in-string "foo" (lambda (_) "bar") "Foo FOO" t)))
    (try "function with subexp" (replace-regexp-in-string "\\(a\\)\\(b\\)" #'seen "ab" nil nil 2))
    (try "function returning nil" (replace-regexp-in-string "o" (lambda (_) nil) "fo"))
    (try "function with start" (replace-regexp-in-string "o" #'seen "foo" nil nil nil 2))
    (try "function empty match" (replace-regexp-in-string "x*" #'seen "ab"))
    ;; replace-match runs on the match data the function leaves.
    (try "function clobbering match data"
         (replace-regexp-in-string "o" (lambda (_) (string-match "z" "xyz") "Q") "foo"))
    (try "function's own groups"
         (replace-regexp-in-string "o" (lambda (_) (string-match "\\(.\\)" "x") "<\\1>") "foo"))
    (try "function clearing match data"
         (replace-regexp-in-string "o" (lambda (_) (set-match-data nil) "Q") "foo"))
    (try "function with subexp, group text"
         (replace-regexp-in-string "\\(o\\)" (lambda (m) (match-string 1 m)) "foo" nil nil 1))
    ;; Match data are preserved.
    (try "match data kept"
         (progn (string-match "\\(q\\)" "xq")
                (replace-regexp-in-string "o" "0" "foo")
                (match-data)))
    (try "match data kept, function searching"
         (progn (string-match "\\(q\\)" "xq")
                (replace-regexp-in-string "o" (lambda (m) (string-match "." m) "0") "foo")
                (match-data)))
    ;; Argument errors.
    (try "regexp not a string" (replace-regexp-in-string 'o "0" "foo"))
    (try "string a symbol" (replace-regexp-in-string "o" "0" 'foo))
    (try "string nil" (replace-regexp-in-string "o" "0" nil))
    (try "string a number" (replace-regexp-in-string "o" "0" 7))
    (try "string a list" (replace-regexp-in-string "o" "0" '(1 2)))
    (try "rep not a string" (replace-regexp-in-string "o" 5 "foo"))
    (try "rep not a string, no match" (replace-regexp-in-string "z" 5 "foo"))
    (try "invalid regexp" (replace-regexp-in-string "\\(" "0" "foo"))
    (try "start negative" (replace-regexp-in-string "o" "0" "foo" nil nil nil -1))))
