;;; var-kill-local.el --- kill-local-variable, kill-all-local-variables, killed buffers  -*- lexical-binding: t -*-
(defvar vk-x 'g)
(defvar-local vk-y 'gy)
(defun locals-of (buffer syms)
  "BUFFER's buffer-local-variables, only the entries for SYMS, in Emacs's order."
  (seq-filter (lambda (x) (memq (or (car-safe x) x) syms)) (buffer-local-variables buffer)))
(setq a (get-buffer-create "vk-a"))
(with-current-buffer a (set (make-local-variable 'vk-x) 'lx) (setq vk-y 'ly case-fold-search nil))
(p "locals" (with-current-buffer a (list vk-x vk-y case-fold-search)))
(p "listed" (locals-of a '(vk-x vk-y case-fold-search enable-multibyte-characters)))
(p "kill-local-variable" (with-current-buffer a (kill-local-variable 'vk-x)))
(p "after kill-local-variable" (with-current-buffer a (list vk-x (local-variable-p 'vk-x) vk-y)))
(p "kill it again" (with-current-buffer a (kill-local-variable 'vk-x)))
(p "kill-local-variable of a void variable" (kill-local-variable 'vk-nothing))
(p "kill-local-variable nil" (kill-local-variable nil))
(p "kill-local-variable t" (kill-local-variable t))
(p "kill an automatic one"
   (with-current-buffer a (list (kill-local-variable 'vk-y) vk-y (local-variable-p 'vk-y) (local-variable-if-set-p 'vk-y))))
(p "kill case-fold-search"
   (with-current-buffer a
     (list (kill-local-variable 'case-fold-search) case-fold-search (local-variable-p 'case-fold-search))))
(p "kill enable-multibyte-characters"
   (with-current-buffer a
     (list (kill-local-variable 'enable-multibyte-characters) (local-variable-p 'enable-multibyte-characters))))
(with-current-buffer a
  (set (make-local-variable 'vk-x) 'lx2)
  (setq vk-y 'ly2 case-fold-search 'x))
(p "listed again" (locals-of a '(vk-x vk-y case-fold-search enable-multibyte-characters)))
(p "kill-all-local-variables" (with-current-buffer a (kill-all-local-variables)))
(p "after kill-all-local-variables"
   (with-current-buffer a
     (list vk-x vk-y case-fold-search (local-variable-p 'vk-x) (local-variable-p 'vk-y)
           (local-variable-p 'case-fold-search) (local-variable-p 'enable-multibyte-characters))))
(p "listed after" (locals-of a '(vk-x vk-y case-fold-search enable-multibyte-characters)))
(p "still automatic" (with-current-buffer a (setq vk-y 'again) (local-variable-p 'vk-y)))
(setq b (get-buffer-create "vk-b"))
(with-current-buffer b (set (make-local-variable 'vk-x) 'bx) (setq vk-y 'by case-fold-search nil))
(p "kill-buffer" (kill-buffer b))
(p "a killed buffer's values"
   (list (buffer-local-value 'vk-x b) (buffer-local-value 'vk-y b)
         (buffer-local-value 'case-fold-search b) (buffer-local-value 'enable-multibyte-characters b)))
(p "a killed buffer's locals" (locals-of b '(vk-x vk-y case-fold-search enable-multibyte-characters)))
(p "a new buffer of that name"
   (with-current-buffer (get-buffer-create "vk-b") (list vk-x vk-y case-fold-search (local-variable-p 'vk-y))))
(p "the defaults" (list (default-value 'vk-x) (default-value 'vk-y) (default-value 'case-fold-search)))
