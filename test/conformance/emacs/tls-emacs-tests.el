;;; The TLS tests of Emacs's test/lisp/net/network-stream-tests.el, against the harness's server
;;; (a certificate for localhost from the test CA, instead of gnutls-serv's self-signed one).
(load (expand-file-name "tls-common.el" (file-name-directory load-file-name)) nil t)
(tls-trust-test-ca)
(defun issuer-of (status)
  (let ((issuer (plist-get (plist-get status :certificate) :issuer)))
    (and (stringp issuer) (car (split-string issuer ",")))))
(defun check (label proc)
  "Emacs 28 may leave a :nowait TLS connection in `connect' after its handshake (the tests skip
then), so the handshake is waited for, and the status is shown only before it."
  (p (concat label " status") (process-status proc))
  (wait-until (gnutls-peer-status proc))
  (let ((status (gnutls-peer-status proc)))
    (p label (list (consp status) (issuer-of status))))
  (delete-process proc))
(defvar port (tls-port "good"))
(let ((proc (make-network-process :name "bar" :buffer (generate-new-buffer "*foo*")
                                  :host "localhost" :service port)))
  (gnutls-negotiate :process proc :type 'gnutls-x509pki :hostname "localhost")
  (check "connect-to-tls-ipv4-wait" proc))
(let ((network-security-level 'low))
  (check "connect-to-tls-ipv4-nowait"
         (make-network-process :name "bar" :buffer (generate-new-buffer "*foo*") :nowait t :family 'ipv4
                               :tls-parameters (cons 'gnutls-x509pki (gnutls-boot-parameters :hostname "localhost"))
                               :host "localhost" :service port))
  (check "open-network-stream-tls-wait"
         (open-network-stream "bar" (generate-new-buffer "*foo*") "localhost" port :type 'tls :nowait nil))
  (check "open-network-stream-tls-nowait"
         (open-network-stream "bar" (generate-new-buffer "*foo*") "localhost" port :type 'tls :nowait t))
  (check "open-network-stream-tls"
         (open-network-stream "bar" (generate-new-buffer "*foo*") "localhost" port :type 'tls))
  (check "open-network-stream-tls-nocert"
         (open-network-stream "bar" (generate-new-buffer "*foo*") "localhost" port :type 'tls :client-certificate nil))
  (check "open-gnutls-stream-new-api-nowait"
         (open-gnutls-stream "bar" (generate-new-buffer "*foo*") "localhost" port (list :nowait t)))
  (check "open-gnutls-stream-old-api-nowait"
         (open-gnutls-stream "bar" (generate-new-buffer "*foo*") "localhost" port t)))
(check "open-gnutls-stream-new-api-default" (open-gnutls-stream "bar" (generate-new-buffer "*foo*") "localhost" port))
(check "open-gnutls-stream-new-api-wait"
       (open-gnutls-stream "bar" (generate-new-buffer "*foo*") "localhost" port (list :nowait nil)))
(check "open-gnutls-stream-old-api-wait" (open-gnutls-stream "bar" (generate-new-buffer "*foo*") "localhost" port nil))
(try "open-gnutls-stream-new-api-errors list"
     (open-gnutls-stream "bar" (generate-new-buffer "*foo*") "localhost" 44777 (list t)))
(try "open-gnutls-stream-new-api-errors vector"
     (open-gnutls-stream "bar" (generate-new-buffer "*foo*") "localhost" 44777 (vector :nowait t)))
(let ((events nil)
      (proc (open-network-stream "events" nil "127.0.0.1" port :type 'tls :nowait t)))
  (set-process-sentinel proc (lambda (_p e) (push e events)))
  (p "nowait peer before" (gnutls-peer-status proc))
  ;; Emacs 28 runs the sentinel with "open\n" only when the handshake ends after the connect was
  ;; seen (a race); elproc always does (test/behaviour/tls.test.ts).
  (p "nowait handshake" (consp (wait-until (gnutls-peer-status proc))))
  (p "nowait mark" (process-mark proc))
  (delete-process proc))
(p "buffers" (seq-filter (lambda (b) (string-prefix-p "*foo*" (buffer-name b))) (buffer-list)))
