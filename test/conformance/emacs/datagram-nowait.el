;;; datagram-nowait.el --- decision 6: :nowait on a datagram client (E16)  -*- lexical-binding: t -*-
;; Emacs 28 leaves the client in `connect' forever, and sending waits for the connection, so it
;; hangs (cut short here by with-timeout). elproc ignores :nowait for datagrams.
(defvar got nil)
(defvar ev nil)
(defun rec (_pr s) (push s got))
(defun se (_pr m) (push m ev))
(setq ds (make-network-process :name "ds" :type 'datagram :server t :service t :host "127.0.0.1" :filter #'rec))
(setq dn (make-network-process :name "dn" :type 'datagram :nowait t :host "127.0.0.1" :service (process-contact ds :service) :sentinel #'se))
(p "dn status immediately" (process-status dn))
(settle 0.3)
(p "dn status later" (process-status dn))
(p "dn live-p" (process-live-p dn))
(p "dn contact t no-block" (process-contact dn t t))
(p "dn send" (with-timeout (1 'TIMEOUT) (process-send-string dn "x")))
(settle 0.3)
(p "ds got" got)
(p "dn sentinel events" ev)
