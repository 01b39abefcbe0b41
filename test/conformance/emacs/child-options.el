;;; child-options.el --- a child of a server with socket options (elproc decision 1)  -*- lexical-binding: t -*-
;; Emacs copies the server's whole contact, option keys included; elproc leaves the option keys
;; out (differences.test.ts checks exactly that, key by key).
(setq srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1"
  :keepalive t :linger 3 :priority 5 :oobinline t :dontroute t :bindtodevice "lo" :broadcast t :reuseaddr t
  :noquery t))
(setq c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service)))
(wait-until (peer-child "srv" c))
(setq ch (peer-child "srv" c))
(p "child contact t" (process-contact ch t))
(p "child contact nil" (process-contact ch))
(p "snpo on child" (set-network-process-option ch :keepalive t))
(p "child contact t after snpo" (process-contact ch t))
