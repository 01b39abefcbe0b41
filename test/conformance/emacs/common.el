;;; common.el --- helpers loaded before every conformance scenario  -*- lexical-binding: t; coding: utf-8 -*-

;; The TypeScript twins print with prin1ToString(v, { escapeNewlines: true }); this is the same.
(setq print-escape-newlines t)

(defun p (label val)
  "Print one transcript line: LABEL => VAL (VAL as `prin1' shows it)."
  (princ (format "%s => %S\n" label val)))

(defmacro try (label form)
  "Print FORM's value, or (SIGNAL ERR) when it signals."
  `(condition-case err (p ,label ,form) (t (p ,label (list 'SIGNAL err)))))

(defmacro wait-until (form &optional secs)
  "Run process I/O until FORM is non-nil or SECS (default 3) have passed; return FORM's value.
Bounded in time, so a missing event shows up as a differing line, never as a hang."
  `(let ((end (+ (float-time) (or ,secs 3))) (v nil))
     (while (and (not (setq v ,form)) (< (float-time) end))
       (accept-process-output nil 0.01))
     v))

(defun settle (secs)
  "Run process I/O for SECS. Only for checking that something does NOT happen."
  (let ((end (+ (float-time) secs)))
    (while (< (float-time) end) (accept-process-output nil 0.01))))

(defun children-of (server-name)
  "Live children of the server called SERVER-NAME, newest first (as `process-list' orders them)."
  (seq-filter (lambda (x) (string-prefix-p (concat server-name " <") (process-name x))) (process-list)))

(defun child-of (server-name)
  "The newest child of SERVER-NAME, or nil."
  (car (children-of server-name)))

(defvar conf-tmp (getenv "ELPROC_CONF_TMP")
  "A private temporary directory for Unix sockets (the harness creates and removes it).")

(defun tmp-path (name) (concat conf-tmp "/" name))

(defun peer-child (server-name client)
  "The child of SERVER-NAME connected to CLIENT (its :remote is CLIENT's :local), or nil."
  (let ((local (process-contact client :local)))
    (seq-find (lambda (x) (equal (process-contact x :remote) local)) (children-of server-name))))

(defun names (procs) (mapcar #'process-name procs))

(defun buffer-text (buffer-or-name)
  "BUFFER-OR-NAME's text without text properties (elproc has none), or no-buffer."
  (let ((b (and buffer-or-name (get-buffer buffer-or-name))))
    (if (buffer-live-p b)
        (with-current-buffer b (buffer-substring-no-properties (point-min) (point-max)))
      'no-buffer)))
