;;; coding-props.el --- coding-system-p, check-coding-system, coding-system-base, -eol-type, -change-eol-conversion, -get, detect-coding-string  -*- lexical-binding: t; coding: utf-8 -*-
(setq names '(utf-8 utf-8-unix utf-8-dos utf-8-mac utf-8-emacs utf-8-emacs-unix utf-8-auto utf-8-with-signature
              prefer-utf-8 undecided undecided-dos us-ascii ascii iso-latin-1 latin-1 iso-8859-1 latin-1-dos
              iso-8859-2 iso-8859-15 latin-9 windows-1252 cp1252 windows-1251 koi8-r shift_jis sjis japanese-shift-jis
              euc-jp japanese-iso-8bit utf-16 utf-16le utf-16be utf-16-le utf-16-be utf-16le-dos georgian-academy
              georgian-ps raw-text raw-text-dos binary no-conversion mule-utf-8 emacs-internal))
(dolist (cs names)
  (p (format "%s" cs) (list (coding-system-p cs) (check-coding-system cs) (coding-system-base cs)
                            (coding-system-eol-type cs) (coding-system-get cs :mime-charset))))
(dolist (cs '(utf-8 utf-8-dos latin-1 iso-latin-1-mac binary undecided raw-text utf-16le shift_jis))
  (p (format "change-eol %s" cs) (mapcar (lambda (e) (coding-system-change-eol-conversion cs e)) '(unix dos mac nil 0 1 2))))
(p "coding-system-p others" (mapcar #'coding-system-p (list nil "utf-8" 5 'no-such 'utf-8-foo 'binary-dos 'utf-8-dos-unix)))
(try "check-coding-system unknown" (check-coding-system 'no-such))
(try "check-coding-system string" (check-coding-system "utf-8"))
(try "check-coding-system nil" (check-coding-system nil))
(try "coding-system-base unknown" (coding-system-base 'no-such))
(p "coding-system-eol-type others" (mapcar #'coding-system-eol-type (list nil 'no-such)))
(p "default-char" (mapcar (lambda (c) (coding-system-get c :default-char)) '(us-ascii latin-1 binary utf-8)))
(dolist (s (list "abc" "a\r\nb" "a\rb" "a\nb\r\n" (unibyte-string 99 97 102 195 169) "café" (unibyte-string 97 13 10 195 169)
                 (unibyte-string 99 97 102 233)))
  (p (format "detect %S" s) (list (detect-coding-string s) (detect-coding-string s t))))
