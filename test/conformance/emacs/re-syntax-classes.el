;;; re-syntax-classes.el --- syntax and category classes on a mixed-script string  -*- lexical-binding: t; coding: utf-8 -*-

(defun all-matches (re s)
  "Every match of RE in S, as (BEGINNING END) lists; an empty match moves on by one."
  (let ((pos 0) (out nil))
    (while (and (<= pos (length s)) (string-match re s pos))
      (push (list (match-beginning 0) (match-end 0)) out)
      (setq pos (if (= (match-end 0) (match-beginning 0)) (1+ (match-end 0)) (match-end 0))))
    (nreverse out)))

(defconst subjects
  '("foo_bar-baz qux.quux" "a1 b2_c3" "(x + y) * \"z\" ;; c"
    "héllo wörld ÆØÅ" "Ελληνικά κείμενο" "Русский текст" "日本語のテキスト、カタカナ"
    "中文字符 한국어" "עברית ערבית عربي" "emoji😀x 𝒜b" "tab\there\nnew line"
    "mixed: café-日本-Ελλάδα_x" "¡¿«»—–…" "١٢٣ ٤٥ 12" "ﬁne ǅx"))

(defconst patterns
  '("\\w+" "\\W+" "\\sw+" "\\s-+" "\\s_+" "\\s.+" "\\s(" "\\s)" "\\s\"" "\\s<" "\\s>"
    "\\Sw+" "\\S-+" "\\b" "\\B" "\\<" "\\>" "\\_<" "\\_>" "\\bx" "\\<\\w" "\\w\\>"
    "\\_<\\(\\sw\\|\\s_\\)+\\_>" "\\ca+" "\\cg+" "\\cy+" "\\cj+" "\\cC+" "\\ch+" "\\cH+" "\\cK+"
    "\\cl+" "\\cr+" "\\cb+" "\\cw+" "\\c|" "\\Ca+" "\\c^+" "\\c.+" "\\cL+" "\\cR+"
    "[[:alpha:]]+" "[[:alnum:]]+" "[[:upper:]]+" "[[:lower:]]+" "[[:digit:]]+" "[[:space:]]+"
    "[[:punct:]]+" "[[:word:]]+" "[[:multibyte:]]+" "[[:nonascii:]]+" "[[:graph:]]+"
    "[[:print:]]+" "[[:blank:]]+" "[[:cntrl:]]+" "[[:xdigit:]]+" "[[:ascii:]]+" "[[:unibyte:]]+"))

;; In a temporary buffer: fundamental mode, the standard syntax table (*scratch* has Lisp's).
(with-temp-buffer
  (let ((case-fold-search nil))
    (dolist (re patterns)
      (let ((i 0))
        (dolist (s subjects)
          (setq i (1+ i))
          (try (format "%s on %d" re i) (all-matches re s)))))
    (let ((case-fold-search t))
      (dolist (re '("[[:upper:]]+" "[[:lower:]]+"))
        (let ((i 0))
          (dolist (s subjects)
            (setq i (1+ i))
            (try (format "folded %s on %d" re i) (all-matches re s))))))
    (try "unknown syntax class" (string-match "\\sZ" "abc"))
    (try "unknown category" (string-match "\\c%" "abc"))
    (try "invalid class" (string-match "[[:foo:]]" "abc"))))
