;;; proc-split.el --- decoding that keeps partial sequences across reads: every split point, for each multibyte coding system  -*- lexical-binding: t; coding: utf-8 -*-
;; The peer (:coding binary) writes the bytes in two parts with a pause between, then "|" in
;; the same coding system; the filter records each string it gets. Printed: what the first
;; call got, then the rest joined (where the terminator arrives is up to timing).
(setq srv (make-network-process :name "srv" :server t :service t :coding 'binary :filter #'ignore))
(setq port (process-contact srv :service))
(dolist (case (list (list 'utf-8 (encode-coding-string "aé€😀z" 'utf-8))
                    (list 'utf-8-dos (unibyte-string 97 13 10 98 13 10))
                    (list 'undecided (unibyte-string 97 13 10 195 169 13 10))
                    (list 'utf-16le (encode-coding-string "a€😀" 'utf-16le))
                    (list 'utf-16be (encode-coding-string "a€😀" 'utf-16be))
                    (list 'shift_jis (encode-coding-string "aあ中ｱ" 'shift_jis))
                    (list 'euc-jp (encode-coding-string "aあéｱ" 'euc-jp))))
  (let* ((cs (car case)) (bytes (cadr case)) (got nil)
         (c (make-network-process :name "c" :host "127.0.0.1" :service port :coding cs
                                  :filter (lambda (_p s) (push (append s nil) got)))))
    (wait-until (peer-child "srv" c))
    (p (format "%s bytes" cs) (append bytes nil))
    (dotimes (k (1- (length bytes)))
      (setq got nil)
      (process-send-string (peer-child "srv" c) (substring bytes 0 (1+ k)))
      (settle 0.03)
      (process-send-string (peer-child "srv" c) (substring bytes (1+ k)))
      (process-send-string (peer-child "srv" c) (encode-coding-string "|" cs))
      (wait-until (and got (memq ?| (car got))))
      (setq got (reverse got))
      (p (format "%s split at %d" cs (1+ k)) (list (car got) (apply #'append (cdr got)))))
    (p (format "%s coding" cs) (process-coding-system c))
    (delete-process c)))
