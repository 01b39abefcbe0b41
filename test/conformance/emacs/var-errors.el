;;; var-errors.el --- every error of the variable functions, with its data  -*- lexical-binding: t -*-
(defvar var-error-cases
  (with-temp-buffer
    (insert-file-contents (expand-file-name "var-errors.eld" (file-name-directory load-file-name)))
    (read (current-buffer))))
(with-temp-buffer
  (dolist (c var-error-cases)
    (let ((args (mapcar (lambda (a) (if (eq a 'CURRENT) (current-buffer) a)) (cdr c))))
      (try (format "%S" c)
           (if (or (special-form-p (car c)) (macrop (car c)))
               (eval c t)
             (apply (car c) args))))))
(try "error-message-string void-variable" (error-message-string '(void-variable ve-void)))
(try "error-message-string setting-constant" (error-message-string '(setting-constant nil)))
(try "error-message-string overflow-error" (error-message-string '(overflow-error 5)))
