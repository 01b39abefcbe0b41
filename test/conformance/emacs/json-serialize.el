;;; json-serialize.el --- json-serialize: every value type, options and errors  -*- lexical-binding: t; coding: utf-8 -*-
;; Cases come from json-serialize-cases.eld, which the TypeScript twin reads too.
(dolist (c (with-temp-buffer
             (insert-file-contents (expand-file-name "json-serialize-cases.eld" (file-name-directory load-file-name)))
             (read (current-buffer))))
  (try (car c) (apply #'json-serialize (cdr c))))
(p "result is multibyte" (multibyte-string-p (json-serialize ["é"])))
(let ((h (make-hash-table :test 'equal :size 3)))
  (puthash "a" 1 h) (puthash "b" 2 h) (puthash "c" 3 h) (remhash "a" h) (puthash "d" 4 h)
  (p "hash table in slot order" (json-serialize h)))
(p "vector of lists" (json-serialize (vector (list :a 1) (list (cons 'b 2)) nil)))
(try "circular plist" (let ((l (list 'a 1))) (setcdr (cdr l) l) (json-serialize l)))
(try "circular alist" (let ((l (list '(a . 1)))) (setcdr l l) (json-serialize l)))
