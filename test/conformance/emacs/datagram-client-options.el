;;; datagram-client-options.el --- decision 3: a datagram client's :broadcast at creation  -*- lexical-binding: t -*-
;; Emacs 28 drops a datagram client's options (E03): sending to lo's broadcast address is refused.
;; elproc applies them (decision 3); differences.test.ts asserts exactly that change.
(defvar got nil)
(setq rx (make-network-process :name "rx" :type 'datagram :server t :service t :host "127.255.255.255" :filter (lambda (pr s) (push (list (process-name pr) s) got))))
(setq bc (make-network-process :name "bc" :type 'datagram :host "127.255.255.255" :service (process-contact rx :service) :broadcast t))
(p "bc contact t" (process-contact bc t))
(try "send with :broadcast t given at creation" (process-send-string bc "x"))
(settle 0.3)
(p "rx got" (reverse got))
(p "bc status" (process-status bc))
