;;; json-errors.el --- json-parse-string's errors, with jansson's messages and positions  -*- lexical-binding: t; coding: utf-8 -*-
;; Cases come from json-error-cases.eld, which the TypeScript twin reads too.
(dolist (c (with-temp-buffer
             (insert-file-contents (expand-file-name "json-error-cases.eld" (file-name-directory load-file-name)))
             (read (current-buffer))))
  (try (car c) (apply #'json-parse-string (cdr c))))
(p "conditions" (mapcar (lambda (s) (get s 'error-conditions))
                        '(json-error json-parse-error json-end-of-file json-trailing-content json-object-too-deep json-out-of-memory)))
(p "caught as json-parse-error" (condition-case e (json-parse-string "[1") (json-parse-error (car e))))
(p "caught as json-error" (condition-case e (json-parse-string "[1] 2") (json-error (car e))))
