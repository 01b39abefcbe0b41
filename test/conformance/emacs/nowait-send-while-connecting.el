;;; nowait-send-while-connecting.el --- sending on a :nowait client that is still connecting  -*- lexical-binding: t -*-
(defvar events nil)
(defvar got nil)
(defun se (proc msg) (push (list (process-name proc) msg (process-status proc)) events))
(defun srv-filt (_proc text) (push text got))
(setq srv (make-network-process :name "srv" :server t :service t :filter #'srv-filt))
(setq port (process-contact srv :service))

;; Emacs waits for the connection inside the send; "open\n" runs there.
(setq n2 (make-network-process :name "n2" :nowait t :host "127.0.0.1" :service port :sentinel #'se))
(p "n2 status before send" (process-status n2))
(try "send on connecting process" (process-send-string n2 "hello"))
(p "n2 status after send" (process-status n2))
(p "events during send" (reverse events))
(setq events nil)
(wait-until got)
(p "server got" (reverse got))
(p "events after wait" (reverse events))

;; When the connection fails, the send signals after the "failed" sentinel ran.
(setq n3 (make-network-process :name "n3" :nowait t :host "127.0.0.1" :service 1 :sentinel #'se))
(try "send on connecting process that fails" (process-send-string n3 "hello"))
(p "n3 status" (process-status n3))
(p "events" (reverse events))
