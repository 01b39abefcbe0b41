;;; emacs-echo-server.el --- the echo benchmark's server in Emacs Lisp  -*- lexical-binding: t -*-

;; Run as: emacs --batch -Q -l emacs-echo-server.el LIFETIME-SECONDS
;; Listens on 127.0.0.1 (a port the kernel picks), prints "PORT N" on stderr (batch stdout is
;; block-buffered on a pipe), and echoes what each connection sends with `process-send-string'
;; from its filter, with `:coding 'binary' as the elproc server uses.  Emacs's defaults otherwise
;; (read-process-output-max 4096, adaptive read buffering on).  Exits after LIFETIME-SECONDS in
;; any case, so it never outlives the benchmark.

(let* ((lifetime (string-to-number (or (car command-line-args-left) "120")))
       (deadline (+ (float-time) lifetime))
       (server (make-network-process
                :name "echo" :server t :host "127.0.0.1" :service t :coding 'binary
                :filter (lambda (proc text) (process-send-string proc text))
                :sentinel #'ignore)))
  (setq command-line-args-left nil)
  (message "PORT %d" (process-contact server :service))
  (while (< (float-time) deadline)
    (accept-process-output nil 1))
  (kill-emacs 0))
