;;; json-floats.el --- floats both ways: jansson's %.17g, and strtod on the way in  -*- lexical-binding: t -*-
(defvar data (with-temp-buffer
               (insert-file-contents (expand-file-name "json-floats-cases.eld" (file-name-directory load-file-name)))
               (read (current-buffer)))
  "The lists of cases, in json-floats-cases.eld (which the TypeScript twin reads too).")
(dolist (x (nth 0 data))
  (try (format "serialize %S" x) (json-serialize (vector x))))
(dolist (s (nth 1 data))
  (try (format "parse %s" s) (json-parse-string s)))
(dolist (x (nth 2 data))
  (p (format "round trip %S" x) (let ((back (aref (json-parse-string (json-serialize (vector x))) 0)))
                                  (list back (eql back x)))))
