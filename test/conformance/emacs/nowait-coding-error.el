;;; nowait-coding-error.el --- a :nowait client with :host and a bad :coding or option (README: differences)  -*- lexical-binding: t; coding: utf-8 -*-
(setq srv (make-network-process :name "srv" :server t :service t))
(setq port (process-contact srv :service))
(try ":nowait with a :coding string"
     (let ((c (make-network-process :name "c" :host "127.0.0.1" :service port :nowait t :coding "utf-8")))
       (list c (process-status c))))
(try "the next wait for output" (wait-until (eq (process-status "c") 'open)))
(try "c afterwards" (list (process-status "c") (process-coding-system (get-process "c"))))
(delete-process "c")
(try ":nowait with a bad option"
     (let ((o (make-network-process :name "o" :host "127.0.0.1" :service port :nowait t :priority "high")))
       (list o (process-status o))))
(try "the next wait for output (option)" (wait-until (eq (process-status "o") 'open)))
(try "o afterwards" (process-status "o"))
