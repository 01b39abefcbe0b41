;;; re-table.el --- the regexp table: string-match and match data for each case  -*- lexical-binding: t; coding: utf-8 -*-

;; Cases come from regexp-cases.eld, which the TypeScript twin reads too.
(defun re-expand (spec)
  "SPEC as a string: a string, (repeat STRING N) or (concat PIECE...)."
  (cond ((stringp spec) spec)
        ((eq (car spec) 'repeat) (apply #'concat (make-list (nth 2 spec) (nth 1 spec))))
        (t (mapconcat #'re-expand (cdr spec) ""))))

(let ((cases (with-temp-buffer
               (insert-file-contents (expand-file-name "regexp-cases.eld" (file-name-directory load-file-name)))
               (read (current-buffer))))
      (i 0))
  (with-temp-buffer
    (dolist (c cases)
      (setq i (1+ i))
      (let ((case-fold-search (nth 3 c)))
        (try (format "case %d %S" i (list (nth 0 c) (nth 1 c) (nth 2 c) (nth 3 c)))
             (let ((found (string-match (re-expand (nth 0 c)) (re-expand (nth 1 c)) (nth 2 c))))
               (and found (list found (match-data)))))))))
