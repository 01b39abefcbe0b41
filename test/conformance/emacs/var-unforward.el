;;; var-unforward.el --- makunbound of a built-in: the symbol stops forwarding, the built-in keeps its value  -*- lexical-binding: t -*-
(defvar got nil)
(setq read-process-output-max 100)
(p "makunbound" (makunbound 'read-process-output-max))
(p "void" (list (boundp 'read-process-output-max) (default-boundp 'read-process-output-max)))
(try "symbol-value" (symbol-value 'read-process-output-max))
(p "now a plain variable: any value" (setq read-process-output-max "not a number"))
(p "local-variable-if-set-p" (local-variable-if-set-p 'read-process-output-max))
(setq srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1"
  :filter (lambda (_p text) (push (length text) got))))
(setq c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service)))
(wait-until (peer-child "srv" c))
(process-send-string c (make-string 300 ?x))
(wait-until (>= (apply #'+ got) 300))
(p "reads still stop at 100 bytes" (reverse got))
(p "makunbound case-fold-search" (makunbound 'case-fold-search))
(p "void too" (list (boundp 'case-fold-search) (local-variable-if-set-p 'case-fold-search)))
(with-temp-buffer
  (setq case-fold-search 'plain)
  (p "set: a plain variable" (list case-fold-search (local-variable-p 'case-fold-search)
                                   (assq 'case-fold-search (buffer-local-variables)))))
(p "seen everywhere" (with-temp-buffer case-fold-search))
(p "enable-multibyte-characters cannot be made void"
   (condition-case err (makunbound 'enable-multibyte-characters) (error err)))
