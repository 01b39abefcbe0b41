;;; jsonrpc-throw.el --- jsonrpc.el's pattern: a reply and a notification in one read, the filter throws on the reply  -*- lexical-binding: t; coding: utf-8 -*-
;; A small jsonrpc.el: one JSON message a line in the process buffer. The filter handles every
;; complete line, deleting it in an unwind form as jsonrpc--process-filter does; a reply calls
;; its request's continuation, which throws to the request's catch (jsonrpc-request). What a
;; throw leaves in the buffer is handled only when the next output arrives.
(cancel-function-timers 'show-paren-function)
(setq log nil)
(defun logit (&rest args) (push args log))
(setq continuations (make-hash-table))
(setq next-id 0)
(defun rpc-filter (proc string)
  (with-current-buffer (process-buffer proc)
    (save-excursion (goto-char (process-mark proc)) (insert string) (set-marker (process-mark proc) (point)))
    (goto-char (point-min))
    (while (search-forward "\n" nil t)
      (let ((line-end (point)))
        (unwind-protect
            (let* ((msg (json-parse-string (buffer-substring (point-min) (1- line-end)) :object-type 'plist))
                   (id (plist-get msg :id)))
              (if id
                  (progn (logit 'reply id (plist-get msg :result))
                         (funcall (gethash id continuations) (plist-get msg :result)))
                (logit 'notification (plist-get msg :params))))
          (delete-region (point-min) line-end)
          (goto-char (point-min)))))))
(defun rpc-request (proc method)
  (let* ((tag (make-symbol "jsonrpc-request-catch-tag"))
         (id (setq next-id (1+ next-id)))
         (retval
          (unwind-protect
              (catch tag
                (puthash id (lambda (result) (throw tag (list 'done result))) continuations)
                (process-send-string proc (format "%s %d\n" method id))
                (while t (accept-process-output nil 30)))
            (remhash id continuations)
            (logit 'request-unwound id))))
    (logit 'request-returned id retval)
    (cadr retval)))
;; The server answers "METHOD ID" with the lines of its script, in one write.
(setq script '(("first" . "{\"id\":1,\"result\":\"r1\"}\n{\"method\":\"note\",\"params\":1}\n")
               ("second" . "{\"method\":\"note\",\"params\":2}\n{\"id\":2,\"result\":\"r2\"}\n{\"method\":\"note\",\"params\":3}\n")
               ("third" . "{\"id\":3,\"result\":\"r3\"}\n")))
(setq srv (make-network-process
           :name "srv" :server t :service t :host "127.0.0.1"
           :filter (lambda (proc text)
                     (string-match "\\([a-z]+\\) \\([0-9]+\\)" text)
                     (process-send-string proc (cdr (assoc (match-string 1 text) script))))))
(setq c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service)
                              :buffer (generate-new-buffer "rpc") :filter #'rpc-filter))
(wait-until (peer-child "srv" c))
(p "first request" (rpc-request c "first"))
(p "left in the buffer" (buffer-text (process-buffer c)))
(p "second request" (rpc-request c "second"))
(p "left in the buffer" (buffer-text (process-buffer c)))
(p "third request" (rpc-request c "third"))
(p "left in the buffer" (buffer-text (process-buffer c)))
(p "events" (reverse log))
(p "continuations left" (hash-table-count continuations))
