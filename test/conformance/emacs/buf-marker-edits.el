;;; buf-marker-edits.el --- markers of both insertion types under every kind of edit (cases in buf-marker-edits.eld)  -*- lexical-binding: t; coding: utf-8 -*-
(setq cases (with-temp-buffer
              (insert-file-contents (expand-file-name "buf-marker-edits.eld" (file-name-directory load-file-name)))
              (read (current-buffer))))
(dolist (case cases)
  (with-temp-buffer
    (insert "abcdefgh")
    (goto-char 5)
    (let ((stay (mapcar #'copy-marker '(1 3 5 7 9)))
          (move (mapcar (lambda (pos) (copy-marker pos t)) '(1 3 5 7 9))))
      (dolist (form (cdr case)) (eval form t))
      (p (car case) (list (buffer-string) (point)
                          (mapcar #'marker-position stay) (mapcar #'marker-position move))))))
