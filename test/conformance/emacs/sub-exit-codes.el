;;; sub-exit-codes.el --- exit codes: status, exit status and sentinel events  -*- lexical-binding: t -*-
(dolist (code '(0 1 3 255))
  (let* ((events nil)
         (p (make-process :name "e" :command (list "sh" "-c" (format "read x; exit %d" code)) :connection-type 'pipe
                          :sentinel (lambda (_p e) (push e events)))))
    (p (format "%d: status at once" code) (process-status p))
    (p (format "%d: live" code) (process-live-p p))
    (process-send-string p "go\n")
    (wait-until events)
    (p (format "%d: events" code) (reverse events))
    (p (format "%d: status" code) (process-status p))
    (p (format "%d: exit status" code) (process-exit-status p))
    (p (format "%d: live after" code) (process-live-p p))
    (p (format "%d: in process-list" code) (and (memq p (process-list)) t))))
