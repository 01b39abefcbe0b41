;;; sub-default-sentinel.el --- what the default filter and sentinel leave in the process buffer  -*- lexical-binding: t -*-
(dolist (cmd '("echo out; echo err >&2" "printf partial; exit 2" "kill -9 $$" "kill -15 $$" "read x"))
  (let ((p (make-process :name "d" :command (list "sh" "-c" cmd) :connection-type 'pipe :buffer "db")))
    (when (equal cmd "read x") (process-send-string p "line\n"))
    (wait-until (not (process-live-p p)))
    (wait-until (string-match-p "Process" (buffer-text "db")))
    (p cmd (buffer-text "db"))
    (p (concat cmd ": mark") (marker-position (process-mark p)))
    (kill-buffer "db")))
