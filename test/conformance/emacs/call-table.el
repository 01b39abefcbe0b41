;;; call-table.el --- run a table of calls read from an .eld file  -*- lexical-binding: t; coding: utf-8 -*-

;; Each case of the table is (FUNCTION ARG...), applied to its (unevaluated) arguments and
;; printed with `try' under the case itself as label; or (:let ((VAR VALUE)...) CASE...), the
;; cases with the variables bound dynamically; or (:tz TZ CASE...), the cases with the TZ
;; environment variable set to TZ (nil unsets it), restored afterwards.  The TypeScript twin
;; (scenarios/call-table.ts) reads the same file and does the same through `el'.

(require (quote cl-lib))

(defun call-table-run (c prefix)
  (cond
   ((eq (car c) :let)
    (cl-progv (mapcar #'car (nth 1 c)) (mapcar #'cadr (nth 1 c))
      (dolist (inner (nthcdr 2 c)) (call-table-run inner (format "%s%S " prefix (nth 1 c))))))
   ((eq (car c) :tz)
    (let ((old (getenv "TZ")))
      (setenv "TZ" (nth 1 c))
      (unwind-protect
          (dolist (inner (nthcdr 2 c)) (call-table-run inner (format "%sTZ=%S " prefix (nth 1 c))))
        (setenv "TZ" old))))
   (t (try (format "%s%S" prefix c) (apply (car c) (cdr c))))))

(defun call-table (file)
  "Run the cases of FILE, an .eld file beside the scenario being loaded."
  (let ((cases (with-temp-buffer
                 (insert-file-contents (expand-file-name file (file-name-directory load-file-name)))
                 (read (current-buffer)))))
    (dolist (c cases) (call-table-run c ""))))
