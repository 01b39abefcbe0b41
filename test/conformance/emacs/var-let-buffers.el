;;; var-let-buffers.el --- dynamic let of buffer-local and global values while buffers change  -*- lexical-binding: t -*-
(defvar vl-x 'global)
(defvar-local vl-auto 'dflt)
(defvar vl-plain 1)
(setq a (get-buffer-create "vl-a") b (get-buffer-create "vl-b"))
(with-current-buffer a (set (make-local-variable 'vl-x) 'a-local))
;; A value local in the current buffer: the let binds that buffer's value.
(with-current-buffer a
  (let ((vl-x 'bound))
    (p "in a" vl-x)
    (p "default meanwhile" (default-value 'vl-x))
    (set-buffer b)
    (p "in b" vl-x)
    (setq vl-x 'set-in-b)
    (p "b after setq" vl-x))
  (p "current buffer after the let" (buffer-name))
  (p "b after the let" vl-x)
  (p "a after the let" (buffer-local-value 'vl-x a)))
(p "default after" (default-value 'vl-x))
;; The buffer is killed inside the let: nothing to restore.
(setq c (get-buffer-create "vl-c"))
(with-current-buffer c (set (make-local-variable 'vl-x) 'c-local))
(with-current-buffer c
  (let ((vl-x 'bound-c))
    (kill-buffer c)
    (set-buffer a)
    (p "a while c's binding is dead" vl-x))
  (p "after" (list vl-x (default-value 'vl-x))))
;; kill-local-variable inside the let: the restore is skipped.
(with-current-buffer a
  (let ((vl-x 'x))
    (kill-local-variable 'vl-x)
    (p "killed inside" (list vl-x (local-variable-p 'vl-x))))
  (p "after kill-local-variable" (list vl-x (local-variable-p 'vl-x) (default-value 'vl-x))))
;; An automatically buffer-local variable without a local value: the let binds the default.
(with-current-buffer a
  (let ((vl-auto 'bound))
    (p "auto in a" (list vl-auto (local-variable-p 'vl-auto) (default-value 'vl-auto)))
    (with-current-buffer b (p "auto in b" vl-auto))
    (setq vl-auto 'set-in-a)
    (p "setq in a changes the binding" (list vl-auto (local-variable-p 'vl-auto) (default-value 'vl-auto)))
    (with-current-buffer b
      (setq vl-auto 'set-in-b)
      (p "setq in b makes a local" (list vl-auto (local-variable-p 'vl-auto) (default-value 'vl-auto))))
    (make-local-variable 'vl-auto)
    (p "make-local-variable inside changes the binding" (list vl-auto (local-variable-p 'vl-auto))))
  (p "auto after"
     (list vl-auto (local-variable-p 'vl-auto) (default-value 'vl-auto)
           (buffer-local-value 'vl-auto b) (local-variable-p 'vl-auto b))))
;; With a local value: the let binds it, and the default is left alone.
(with-current-buffer b
  (let ((vl-auto 'bound-b))
    (p "auto local in b" (list vl-auto (default-value 'vl-auto)))
    (with-current-buffer a (p "a sees the default" vl-auto)))
  (p "auto in b after" vl-auto))
;; A plain variable: setq and set-buffer inside change the one global binding.
(let ((vl-plain 2))
  (setq vl-plain 3)
  (p "plain inner" vl-plain)
  (with-current-buffer a (p "plain from a" vl-plain)))
(p "plain after" vl-plain)
;; make-local-variable of a let-bound plain variable.
(with-current-buffer a
  (let ((vl-plain 10))
    (make-local-variable 'vl-plain)
    (setq vl-plain 11)
    (p "made local inside" (list vl-plain (default-value 'vl-plain))))
  (p "after: the default is restored, the local stays"
     (list vl-plain (default-value 'vl-plain) (local-variable-p 'vl-plain))))
;; Nested lets over two buffers, one with a local value.
(with-current-buffer a (set (make-local-variable 'vl-x) 'a-again))
(with-current-buffer b
  (let ((vl-x 'outer))
    (with-current-buffer a
      (let ((vl-x 'inner))
        (p "nested" (list vl-x (buffer-local-value 'vl-x b) (default-value 'vl-x)))))
    (p "after inner" (list vl-x (buffer-local-value 'vl-x a) (default-value 'vl-x)))))
(p "after both" (list (buffer-local-value 'vl-x a) (buffer-local-value 'vl-x b) (default-value 'vl-x)))
;; The same variable twice in one let.
(let ((vl-plain 'first) (vl-plain 'second)) (p "twice" vl-plain))
(p "twice after" vl-plain)
