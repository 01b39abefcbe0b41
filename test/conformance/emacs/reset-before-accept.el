;;; reset-before-accept.el --- a connection reset while it waits in the listen queue still makes a child  -*- lexical-binding: t -*-
;; Emacs accepts only while it waits, so the client's reset (:linger 0, then delete-process) reaches
;; the kernel before the accept: accept still returns the connection, with the peer's address, and the
;; child's first read reports the reset.
(defvar events nil)
(setq srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1"
                                :sentinel (lambda (p e) (push (list (process-name p) e) events))
                                :log (lambda (s c m) (push (list 'log (process-name s) (process-name c) m) events))))
(setq c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service) :linger 0))
(delete-process c)
(wait-until (>= (length events) 3))
(settle 0.1)
(p "events" (reverse events))
(p "children" (children-of "srv"))
(p "process-list" (mapcar #'process-name (process-list)))
