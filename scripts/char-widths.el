;;; char-widths.el --- ranges of char-width != 1 (U+0080 up), for src/text/format/char-width-table.ts  -*- lexical-binding: t -*-
;; Run: LANG=C.UTF-8 emacs --batch -Q -l scripts/char-widths.el; each line is FIRST LAST WIDTH (keep those <= #x10FFFF).
(let ((c #x80) (start #x80) (w (char-width #x80)) (out nil))
  (while (<= c #x3FFFFF)
    (let ((cw (if (<= c #x3FFFFF) (char-width c) -1)))
      (unless (= cw w)
        (unless (= w 1) (push (list start (1- c) w) out))
        (setq start c w cw)))
    (setq c (1+ c)))
  (unless (= w 1) (push (list start (1- c) w) out))
  (dolist (r (nreverse out)) (princ (format "%d %d %d\n" (nth 0 r) (nth 1 r) (nth 2 r)))))
