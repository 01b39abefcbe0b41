;;; sub-signal-deaths.el --- a child killed by each signal: status, exit status, event text  -*- lexical-binding: t -*-
(dolist (sig '(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 24 25 26 27 31))
  (let* ((events nil)
         (p (make-process :name "s" :command (list "sh" "-c" (format "ulimit -c 0; kill -%d $$" sig))
                          :connection-type 'pipe :sentinel (lambda (_p e) (push e events)))))
    (wait-until events)
    (p (format "signal %d" sig) (list (reverse events) (process-status p) (process-exit-status p)))))
