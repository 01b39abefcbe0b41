;;; process-buffer-parse.el --- a filter that inserts, parses and deletes in its process buffer  -*- lexical-binding: t -*-
;; The pattern of jsonrpc.el and dns.el: output goes into the process buffer at the process mark, the
;; filter searches it for complete messages, handles each and deletes it. Point and the mark are
;; printed after every step.
(defvar got nil)
(defvar-local pending-length nil)
(defun state (label proc)
  (p label (list (point) (marker-position (process-mark proc)) (buffer-size) (buffer-string))))
(defun parse-filter (proc string)
  (with-current-buffer (process-buffer proc)
    (save-excursion
      (goto-char (process-mark proc))
      (insert string)
      (set-marker (process-mark proc) (point)))
    (state "inserted" proc)
    (goto-char (point-min))
    (let ((more t))
      (while more
        (cond
         (pending-length
          (if (< (- (point-max) (point)) pending-length)
              (setq more nil)
            (push (list 'BODY (buffer-substring (point) (+ (point) pending-length))) got)
            (delete-region (point-min) (+ (point) pending-length))
            (setq pending-length nil)
            (state "body handled" proc)))
         ((looking-at "Content-Length: \\([0-9]+\\)\r\n\r\n")
          (setq pending-length (car (read-from-string (match-string 1))))
          (p "header match" (list (match-beginning 0) (match-end 0) (match-string 1)))
          (delete-region (match-beginning 0) (match-end 0))
          (state "header handled" proc))
         ((re-search-forward "^\\([A-Z]+\\) \\([0-9]+\\)\r?\n" nil t)
          (push (list 'LINE (match-string 1) (match-string 2)) got)
          (delete-region (point-min) (point))
          (state "line handled" proc))
         (t (setq more nil)))))
    (goto-char (point-max))))

(setq srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1"))
(setq c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service)
                              :buffer "c-buf" :filter #'parse-filter))
(wait-until (peer-child "srv" c))
(setq child (peer-child "srv" c))
(with-current-buffer "c-buf" (p "initial" (list (point) (marker-position (process-mark c)) (buffer-string))))
(dolist (piece '("PING 1\nPO" "NG 2\r\nCont" "ent-Length: 5\r\n\r\nhel" "lo" "QUIT 3\n" "Content-Length: 0\r\n\r\nEND 4\n"))
  (setq got nil)
  (let ((before (with-current-buffer "c-buf" (buffer-size))))
    (process-send-string child piece)
    ;; One filter call per piece: wait until this piece has been handled.
    (wait-until (with-current-buffer "c-buf" (or got (/= (buffer-size) before))))
    (settle 0.05))
  (p (format "piece %S handled" piece) (reverse got)))
(with-current-buffer "c-buf"
  (p "final" (list (point) (marker-position (process-mark c)) (buffer-string) pending-length)))
