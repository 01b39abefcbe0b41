;;; tls-common.el --- helpers of the TLS scenarios  -*- lexical-binding: t; coding: utf-8 -*-

;; The test harness starts the servers and makes the certificates (test/support/tls-fixtures.ts)
;; and names them in the environment: ELPROC_TLS_DIR, ELPROC_TLS_PORT_<NAME>.
(require 'gnutls)
(require 'network-stream)
(require 'nsm)

;; The network security manager must not write into the home directory.
(setq nsm-settings-file (tmp-path "network-security.data"))

(defun tls-port (name)
  "The port of the test server NAME (good, expired, wrong, self, client, starttls, plain...)."
  (string-to-number (getenv (concat "ELPROC_TLS_PORT_" (upcase name)))))

(defun tls-file (name)
  "The file NAME (ca.pem, client.key...) in the certificate directory."
  (concat (getenv "ELPROC_TLS_DIR") "/" name))

(defun tls-trust-test-ca ()
  "Trust the test CA only, and make certificate failures errors (elproc's default)."
  (setq gnutls-trustfiles (list (tls-file "ca.pem")))
  (setq gnutls-verify-error t)
  (setq network-security-level 'medium))

(defun statuses ()
  "Each process's name and status, newest first."
  (mapcar (lambda (p) (list (process-name p) (process-status p))) (process-list)))

(defun imap-starttls (capabilities)
  "A :starttls-function for the test server."
  (and (string-match "STARTTLS" capabilities) "2 STARTTLS\r\n"))
