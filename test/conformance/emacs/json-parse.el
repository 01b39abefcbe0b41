;;; json-parse.el --- json-parse-string: every value type and every option  -*- lexical-binding: t; coding: utf-8 -*-
;; Cases come from json-parse-cases.eld, which the TypeScript twin reads too.
(dolist (c (with-temp-buffer
             (insert-file-contents (expand-file-name "json-parse-cases.eld" (file-name-directory load-file-name)))
             (read (current-buffer))))
  (try (car c) (apply #'json-parse-string (cdr c))))
(try "not a string" (json-parse-string 1))
(try "symbol" (json-parse-string 'foo))
(try "embedded nul" (json-parse-string "[\"a\0b\"]"))
(p "result is multibyte" (multibyte-string-p (json-parse-string "\"abc\"")))
(p "hash table test" (hash-table-test (json-parse-string "{}")))
(p "hash table sizes" (mapcar (lambda (s) (hash-table-size (json-parse-string s))) '("{}" "{\"a\":1}" "{\"a\":1,\"b\":2,\"c\":3}")))
(p "gethash on result" (gethash "b" (json-parse-string "{\"a\":1,\"b\":[true]}")))
