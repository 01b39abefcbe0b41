;;; children.el --- accepted connections: names, buffers, inheritance, :log then sentinel  -*- lexical-binding: t -*-
(defvar log-calls nil)
(defvar sent-calls nil)
(defvar filt-calls nil)
(defun my-log (server client msg) (push (list 'LOG server client msg (process-status client)) log-calls))
(defun my-sent (proc msg) (push (list 'SENTINEL proc msg (process-status proc)) sent-calls))
(defun my-filt (proc str) (push (list 'FILTER proc str) filt-calls))
;; A: filter function, so children get no buffer.
(setq srvA (make-network-process :name "srvA" :buffer "bufA" :server t :service t :host "127.0.0.1"
  :plist '(a 1 b 2) :log #'my-log :sentinel #'my-sent :filter #'my-filt :noquery t))
;; B: default filter, so children get "bufB <HOST:PORT>".
(setq srvB (make-network-process :name "srvB" :buffer "bufB" :server 3 :service t :log #'my-log))
;; C: no :buffer, so children get "srvC <HOST:PORT>".
(setq srvC (make-network-process :name "srvC" :server t :service t))

(setq ca (make-network-process :name "ca" :host "127.0.0.1" :service (process-contact srvA :service)))
(wait-until (peer-child "srvA" ca))
(process-send-string ca "hello A\n")
(wait-until filt-calls)
(setq cb (make-network-process :name "cb" :host "127.0.0.1" :service (process-contact srvB :service)))
(wait-until (peer-child "srvB" cb))
(process-send-string cb "hello B\n")
(wait-until (equal (buffer-text (process-buffer (peer-child "srvB" cb))) "hello B\n"))
(setq cc (make-network-process :name "cc" :host "127.0.0.1" :service (process-contact srvC :service)))
(wait-until (peer-child "srvC" cc))
(process-send-string cc "hello C\n")
(wait-until (equal (buffer-text (process-buffer (peer-child "srvC" cc))) "hello C\n"))

(dolist (pr (list (peer-child "srvA" ca) (peer-child "srvB" cb) (peer-child "srvC" cc)))
  (p (format "child %s" (process-name pr))
     (list :status (process-status pr) :buffer (process-buffer pr) :filter (process-filter pr)
           :sentinel (process-sentinel pr) :plist (process-plist pr) :query (process-query-on-exit-flag pr)
           :coding (process-coding-system pr) :type (process-type pr) :command (process-command pr)
           :live (process-live-p pr) :exit (process-exit-status pr)))
  (p (format "child %s contact nil" (process-name pr)) (process-contact pr))
  (p (format "child %s contact t" (process-name pr)) (process-contact pr t))
  (p (format "child %s :server" (process-name pr)) (process-contact pr :server))
  (p (format "child %s buffer text" (process-name pr)) (buffer-text (process-buffer pr))))
(p "log-calls" (reverse log-calls))
(p "sentinel-calls" (reverse sent-calls))
(p "filter-calls" (reverse filt-calls))
(p "bufA contents" (buffer-text "bufA"))
(p "bufB contents" (buffer-text "bufB"))
(p "child buffer names" (seq-filter (lambda (n) (string-match-p " <" n)) (mapcar #'buffer-name (buffer-list))))

;; The child gets a copy of the server's plist as it is at accept time.
(process-put srvA 'c 3)
(setq ca2 (make-network-process :name "ca2" :host "127.0.0.1" :service (process-contact srvA :service)))
(wait-until (peer-child "srvA" ca2))
(p "second child plist" (process-plist (peer-child "srvA" ca2)))
(p "plist not shared" (eq (process-plist (peer-child "srvA" ca2)) (process-plist srvA)))
;; Changing the server's filter changes what later children get.
(set-process-filter srvA nil)
(setq ca3 (make-network-process :name "ca3" :host "127.0.0.1" :service (process-contact srvA :service)))
(wait-until (peer-child "srvA" ca3))
(p "third child filter and buffer" (list (process-filter (peer-child "srvA" ca3)) (process-buffer (peer-child "srvA" ca3))))

;; Deleting a server: its sentinel says "deleted\n"; the children stay open.
(setq sent-calls nil)
(delete-process srvA)
(p "sentinel-calls after delete srvA" (reverse sent-calls))
(p "process-list after delete srvA" (mapcar (lambda (x) (cons (process-name x) (process-status x))) (process-list)))
(p "srvA status after delete" (process-status srvA))
