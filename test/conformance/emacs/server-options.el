;;; server-options.el --- option keys and other keys in a server's contact  -*- lexical-binding: t -*-
(defun my-log (_server _client _msg) nil)
(defun my-filt (_proc _text) nil)

;; Every key/value given stays in the contact in argument order; :service is replaced by the port.
(setq srvA (make-network-process :name "srvA" :buffer "bufA" :server t :service t :host "127.0.0.1"
  :keepalive t :linger 3 :priority 5 :oobinline t :dontroute t :bindtodevice "lo" :broadcast t :reuseaddr t
  :plist '(a 1 b 2) :log #'my-log :filter #'my-filt :noquery t))
(p "srvA contact nil" (process-contact srvA))
(p "srvA contact t" (process-contact srvA t))
(p "srvA :keepalive" (process-contact srvA :keepalive))
(p "srvA :linger" (process-contact srvA :linger))
(p "srvA :bindtodevice" (process-contact srvA :bindtodevice))
(p "srvA :log" (process-contact srvA :log))
(p "srvA :filter" (process-contact srvA :filter))
(p "srvA filter" (process-filter srvA))
(p "srvA status" (process-status srvA))

;; Options with nil values are kept as given.
(setq srvN (make-network-process :name "srvN" :server t :service t :keepalive nil :linger nil :reuseaddr nil))
(p "srvN contact t" (process-contact srvN t))

;; A repeated key is kept twice; plist-get finds the first.
(setq srvD (make-network-process :name "srvD" :server t :service t :keepalive t :keepalive nil))
(p "srvD contact t" (process-contact srvD t))
(p "srvD :keepalive" (process-contact srvD :keepalive))

;; Unknown keys are ignored, but kept.
(setq srvU (make-network-process :name "srvU" :server t :service t :frobnicate 42 :use-external-socket t))
(p "srvU contact t" (process-contact srvU t))
(p "srvU :frobnicate" (process-contact srvU :frobnicate))
(p "srvU status" (process-status srvU))

;; Non-symbol keys are refused.
(try "string key" (make-network-process :name "x" :server t :service t "foo" 1))
(try "integer key" (make-network-process :name "x" :server t :service t 42 1))
(p "process-list" (names (process-list)))
