;;; ipv6-names.el --- IPv6 child names and :host (elproc decision 5)  -*- lexical-binding: t -*-
(defvar seq nil)
(setq srv (make-network-process :name "s6" :server t :service t :host "::1"
   :log (lambda (_s c m) (push (list 'LOG (process-name c) m) seq))
   :sentinel (lambda (pr m) (push (list 'SENTINEL (process-name pr) m) seq))))
(setq c (make-network-process :name "c" :host "::1" :service (process-contact srv :service)))
(wait-until (peer-child "s6" c))
(setq ch (peer-child "s6" c))
(p "child name" (process-name ch))
(p "child :host" (process-contact ch :host))
(p "child contact nil" (process-contact ch))
(p "child buffer" (process-buffer ch))
(p "log and sentinel" (reverse seq))
