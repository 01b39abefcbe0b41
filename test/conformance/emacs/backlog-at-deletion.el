;;; backlog-at-deletion.el --- a server deleted with connections in its listen queue  -*- lexical-binding: t -*-
;; Emacs accepts only while it waits. A connection made and not yet accepted when the server is
;; deleted is reset by the kernel: its client sees "connection broken by remote peer". Children
;; already accepted keep running. Each case runs several rounds to show that it is deterministic.
(defvar events nil)
(defun rec-sent (proc msg) (push (list (process-name proc) msg) events))
(defun show (label) (p label (reverse events)) (setq events nil))

;; Server made, client connected, server deleted before anything waited.
(dotimes (i 10)
  (let* ((srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1" :sentinel #'rec-sent))
         (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service)
                                  :sentinel #'rec-sent)))
    (setq events nil)
    (p (format "round %d: c status and children of srv before the deletion" i)
       (list (process-status c) (length (children-of "srv"))))
    (delete-process srv)
    (wait-until (not (process-live-p c)))
    (p (format "round %d" i)
       (list (reverse events) (process-status c) (process-exit-status c) (length (children-of "srv"))))
    (delete-process c)))

;; A :nowait client made just before the deletion is refused.
(dotimes (i 5)
  (let* ((srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1" :sentinel #'rec-sent))
         (c (make-network-process :name "c" :nowait t :host "127.0.0.1" :service (process-contact srv :service)
                                  :sentinel #'rec-sent)))
    (setq events nil)
    (delete-process srv)
    (wait-until (not (memq (process-status c) '(connect open))))
    (p (format "nowait round %d" i)
       (list (reverse events) (process-status c) (process-exit-status c) (length (children-of "srv"))))
    (delete-process c)))

;; c1 accepted, c2 still in the listen queue: c1 and its child keep running, c2 is reset.
(setq srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1" :sentinel #'rec-sent))
(setq port (process-contact srv :service))
(setq c1 (make-network-process :name "c1" :host "127.0.0.1" :service port :sentinel #'rec-sent))
(wait-until (peer-child "srv" c1))
(setq ch1 (peer-child "srv" c1))
(setq c2 (make-network-process :name "c2" :host "127.0.0.1" :service port :sentinel #'rec-sent))
(setq events nil)
(delete-process srv)
(wait-until (not (process-live-p c2)))
(show "events after deleting srv (c1 accepted, c2 in the queue)")
(p "c1, its child, c2" (list (process-status c1) (process-status ch1) (process-status c2)))
(process-send-string c1 "still here")
(p "apo on c1's child" (accept-process-output ch1 1))
(p "c1's child's buffer" (buffer-text (process-buffer ch1)))
(try "connecting after the deletion" (process-status (make-network-process :name "c3" :host "127.0.0.1" :service port)))
(show "events at the end")
