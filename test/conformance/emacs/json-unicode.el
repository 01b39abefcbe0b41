;;; json-unicode.el --- escapes, surrogate pairs, \u0000, non-ASCII text both ways  -*- lexical-binding: t; coding: utf-8 -*-
(defvar data (with-temp-buffer
               (insert-file-contents (expand-file-name "json-unicode-cases.eld" (file-name-directory load-file-name)))
               (read (current-buffer)))
  "The lists of cases, in json-unicode-cases.eld (which the TypeScript twin reads too).")
(dolist (s (nth 0 data))
  (try (format "parse %s" s) (json-parse-string s :object-type 'alist)))
(dolist (s (nth 1 data))
  (try (format "serialize %S" s) (json-serialize (vector s))))
(try "key escapes" (json-serialize '((a\"b . 1) (c\\d . 2) (é . 3))))
(try "plist key escapes" (json-serialize '(:\n 1 :ü 2)))
(try "hash key escapes" (let ((h (make-hash-table :test 'equal))) (puthash "\t" 1 h) (puthash "😀" 2 h) (json-serialize h)))
(p "round trip" (let ((s "é😀\"\\\n\t\u0001日本")) (equal s (aref (json-parse-string (json-serialize (vector s))) 0))))
(p "length of parsed" (length (json-parse-string "\"\\ud83d\\ude00é\"")))
