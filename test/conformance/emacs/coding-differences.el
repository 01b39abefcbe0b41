;;; coding-differences.el --- Emacs's side of the documented differences of the coding room  -*- lexical-binding: t; coding: utf-8 -*-
(p "multibyte ASCII from string-to-multibyte" (multibyte-string-p (string-to-multibyte "abc")))
(p "multibyte ASCII from decode-coding-string" (multibyte-string-p (decode-coding-string "abc" 'utf-8)))
(p "5-byte UTF-8 form" (append (decode-coding-string "\370\210\200\200\200" 'utf-8) nil))
(p "Shift_JIS EF BB" (append (decode-coding-string "\357\273" 'shift_jis) nil))
(p "charset property" (prin1-to-string (decode-coding-string "\351" 'latin-1)))
