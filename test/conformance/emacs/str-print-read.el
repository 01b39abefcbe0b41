;;; str-print-read.el --- prin1 and the reader on unibyte strings and raw bytes  -*- lexical-binding: t; coding: utf-8 -*-
(dolist (s (list (unibyte-string 99 97 102 195 169) (string-to-multibyte (unibyte-string 97 255 98))
                 (unibyte-string 128 48 49) (string-to-multibyte (unibyte-string 128 55)) "é\"\\"
                 (concat "x" (string-to-multibyte "\200") "é")))
  (p "prin1-to-string" (prin1-to-string s)))
(dolist (text '("\"abc\"" "\"\\303\\251\"" "\"\\xe9\"" "\"\\x0e9\"" "\"é\\351\"" "\"\\351é\"" "\"\\u00e9\""
                "\"a\\377\"" "\"\\200\\377\"" "\"\\M-a\"" "\"\\x41\"" "\"\\101\"" "\"\\xe9\\u00e9\"" "\"\\N{U+E9}\\351\""))
  (let ((s (car (read-from-string text))))
    (p (format "read %s" text) (list (multibyte-string-p s) (append s nil) (string-bytes s)))))
(p "round trip unibyte" (equal (car (read-from-string (prin1-to-string (unibyte-string 1 200 255)))) (unibyte-string 1 200 255)))
(p "round trip raw" (let ((s (string-to-multibyte (unibyte-string 97 200)))) (append (car (read-from-string (prin1-to-string (concat s "é")))) nil)))
