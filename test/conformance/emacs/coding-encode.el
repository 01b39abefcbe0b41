;;; coding-encode.el --- encode-coding-string for every supported coding system  -*- lexical-binding: t; coding: utf-8 -*-
(setq texts (list "abc\n" "café\n" "中文" "😀" "€‚" "ǅ✓" "ÿ" (concat "r" (string-to-multibyte "\200\377")) "Ⴀა" "あア" (unibyte-string 97 200)))
(dolist (cs '(utf-8 utf-8-unix utf-8-dos utf-8-mac utf-8-emacs utf-8-emacs-unix utf-8-auto utf-8-with-signature prefer-utf-8 undecided
              us-ascii iso-latin-1 latin-1-dos iso-8859-2 iso-8859-5 iso-8859-7 iso-8859-15 windows-1250 windows-1251 windows-1252 windows-1253 windows-1257
              shift_jis euc-jp utf-16 utf-16le utf-16be utf-16-le utf-16-be georgian-academy georgian-ps koi8-r raw-text raw-text-dos binary no-conversion))
  (p (format "%s" cs) (mapcar (lambda (s) (append (encode-coding-string s cs) nil)) texts)))
(p "result is unibyte" (multibyte-string-p (encode-coding-string "é" 'utf-8)))
(p "nocopy ascii eq" (let ((s "abc")) (eq s (encode-coding-string s 'utf-8 t))))
(p "nil coding" (append (encode-coding-string "é" nil) nil))
(try "unknown" (encode-coding-string "a" 'no-such))
(try "string coding" (encode-coding-string "a" "utf-8"))
(try "not a string" (encode-coding-string 5 'utf-8))
