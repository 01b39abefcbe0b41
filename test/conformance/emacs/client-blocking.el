;;; client-blocking.el --- blocking clients: contact, statuses, no "open\n"  -*- lexical-binding: t -*-
(defvar events nil)
(defun rec-sent (proc msg)
  (push (list 'SENT (process-name proc) msg (process-status proc) (process-exit-status proc)) events))
(defun show-events (label) (p label (reverse events)) (setq events nil))
(setq srv (make-network-process :name "srv" :server t :service t :sentinel #'rec-sent))
(setq port (process-contact srv :service))

;; Blocking connect: open at once; :remote then :local are appended to the contact.
(setq c1 (make-network-process :name "c1" :buffer "c1buf" :host "127.0.0.1" :service port :sentinel #'rec-sent))
(p "c1 status right after creation" (process-status c1))
(p "c1 live-p" (process-live-p c1))
(p "c1 exit-status" (process-exit-status c1))
(p "c1 contact t" (process-contact c1 t))
(p "c1 contact nil" (process-contact c1))
(p "c1 :local" (process-contact c1 :local))
(p "c1 :remote" (process-contact c1 :remote))
(p "c1 :host" (process-contact c1 :host))
(p "c1 :buffer" (process-contact c1 :buffer))
(p "c1 :server" (process-contact c1 :server))
(p "c1 :nosuchkey" (process-contact c1 :nosuchkey))
(p "c1 buffer" (process-buffer c1))
(p "c1 mark" (process-mark c1))
(wait-until (peer-child "srv" c1))
;; Give a (wrong) "open\n" for c1 a chance to arrive: a blocking client never gets one.
(settle 0.2)
(show-events "events after blocking connect (no open for c1)")
(p "child" (peer-child "srv" c1))

;; :service is kept as given (a string stays a string).
(setq c2 (make-network-process :name "c2" :host "127.0.0.1" :service (number-to-string port)))
(p "c2 contact t" (process-contact c2 t))
(p "c2 contact nil" (process-contact c2))
(wait-until (peer-child "srv" c2))

;; :remote wins over :host/:service; the bad host is never looked up.
(setq c3 (make-network-process :name "c3" :remote (vector 127 0 0 1 port) :host "no-such-host.invalid" :service 1))
(p "c3 contact t" (process-contact c3 t))
(p "c3 contact nil" (process-contact c3))
(wait-until (peer-child "srv" c3))

;; :remote alone.
(setq c3b (make-network-process :name "c3b" :remote (vector 127 0 0 1 port)))
(p "c3b contact t" (process-contact c3b t))
(p "c3b contact nil" (process-contact c3b))
(wait-until (peer-child "srv" c3b))

;; :local is ignored by a client and overwritten in place with the real local address.
(setq c4 (make-network-process :name "c4" :host "127.0.0.1" :service port :local [127 0 0 9 5555]))
(p "c4 contact t" (process-contact c4 t))
(wait-until (peer-child "srv" c4))

;; :host nil and 'local both mean 127.0.0.1.
(setq c5 (make-network-process :name "c5" :service port))
(p "c5 contact t" (process-contact c5 t))
(wait-until (peer-child "srv" c5))
(setq c6 (make-network-process :name "c6" :host 'local :service port :family 'ipv4))
(p "c6 contact t" (process-contact c6 t))
(p "c6 contact nil" (process-contact c6))
(wait-until (peer-child "srv" c6))

(show-events "events for the other children")
(p "process-list" (names (process-list)))
