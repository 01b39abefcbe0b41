;;; handler-error-report.el --- what Emacs reports when a filter or sentinel that is no function is called (README: differences)  -*- lexical-binding: t; coding: utf-8 -*-
;; ELPROC_HANDLER says which: "filter" or "sentinel". Batch Emacs prints the report to stderr and
;; exits with status 255; without this it would print a backtrace instead of the report.
(setq backtrace-on-error-noninteractive nil)
(setq which (getenv "ELPROC_HANDLER"))
(setq srv (make-network-process :name "srv" :server t :service t :sentinel #'ignore))
(setq port (process-contact srv :service))
(setq c (if (equal which "filter")
            (make-network-process :name "c" :host "127.0.0.1" :service port :sentinel #'ignore :filter 5)
          (make-network-process :name "c" :host "127.0.0.1" :service port :sentinel "s")))
(wait-until (peer-child "srv" c))
(p "handler" (if (equal which "filter") (process-filter c) (process-sentinel c)))
(if (equal which "filter")
    (process-send-string (peer-child "srv" c) "hello")
  (delete-process (peer-child "srv" c)))
(try "waiting for output" (settle 0.5))
(p "status afterwards" (process-status c))
