;;; reply-then-delete.el --- what is sent before delete-process reaches the peer  -*- lexical-binding: t -*-
;; A child's filter answers a request with SIZE bytes and deletes its process at once, inside the
;; filter; the client counts what arrives and sees the close. Then the same outside a filter.
(defvar got 0)
(defvar closed nil)
(defun count-filter (_proc text) (setq got (+ got (length text))))
(defun note-close (_proc msg) (setq closed msg))
(defun reply-filter (proc text)
  (process-send-string proc (make-string (string-to-number text) ?x))
  (delete-process proc))
(setq srv (make-network-process :name "srv" :server t :service t :filter #'reply-filter))
(setq port (process-contact srv :service))
(dolist (size '(1000 100000 2000000))
  (setq got 0 closed nil)
  (let ((c (make-network-process :name "c" :host "127.0.0.1" :service port
                                 :filter #'count-filter :sentinel #'note-close)))
    (process-send-string c (number-to-string size))
    (wait-until closed 20)
    (p (format "in a filter: %d sent, then deleted" size) (list got closed))
    (delete-process c)))
;; Outside a filter: the child sends and is deleted right after.
(setq srv2 (make-network-process :name "srv2" :server t :service t))
(setq port2 (process-contact srv2 :service))
(dolist (size '(1000 2000000))
  (setq got 0 closed nil)
  (let ((c (make-network-process :name "c2" :host "127.0.0.1" :service port2
                                 :filter #'count-filter :sentinel #'note-close)))
    (wait-until (peer-child "srv2" c))
    (let ((child (peer-child "srv2" c)))
      (process-send-string child (make-string size ?y))
      (delete-process child))
    (wait-until closed 20)
    (p (format "outside a filter: %d sent, then deleted" size) (list got closed))
    (delete-process c)))
