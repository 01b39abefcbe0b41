;;; re-quote-opt.el --- regexp-quote, and what regexp-opt's results match  -*- lexical-binding: t; coding: utf-8 -*-

;; regexp-opt's text need not be Emacs's: only what each result matches, and its groups, is
;; compared (string-match and match-data on a set of subjects).

(defun ascii-printable ()
  (apply #'string (number-sequence 32 126)))

(defun opt-check (label strings paren subjects)
  "Print, for each of SUBJECTS, where (regexp-opt STRINGS PAREN) matches and the match data."
  (let ((re (regexp-opt strings paren)))
    (dolist (s subjects)
      (try (format "%s %S" label s)
           (let ((found (string-match re s)))
             (and found (list found (match-data))))))
    (try (format "%s anchored" label)
         (mapcar (lambda (s) (and (string-match (concat "\\`" re "\\'") s) t)) subjects))))

;; In a temporary buffer: fundamental mode, the standard syntax table (*scratch* has Lisp's).
(with-temp-buffer
  (let ((case-fold-search nil))
    (try "quote printable ASCII" (regexp-quote (ascii-printable)))
    (try "quote empty" (regexp-quote ""))
    (try "quote non-ASCII" (regexp-quote "é😀[x]"))
    (try "quote newline" (regexp-quote "a\nb"))
    (dolist (c (string-to-list "[]*.\\?+^$-(){}|"))
      (let ((s (string ?x c c ?y)))
        (try (format "quoted %c matches itself" c)
             (list (string-match (regexp-quote s) (concat "ab" s "cd")) (match-end 0)))))
    (try "quoted printable ASCII matches itself"
         (list (string-match (regexp-quote (ascii-printable)) (concat "z" (ascii-printable))) (match-end 0)))
    (try "quote not a string" (regexp-quote 'abc))
    ;; regexp-opt.
    (opt-check "plain nil" '("cat" "car" "dog") nil '("cat" "a car" "dogs" "ca" "do" "cart" "xyz"))
    (opt-check "plain t" '("cat" "car" "dog") t '("cat" "a car" "dogs" "ca" "xyz"))
    (opt-check "prefixes longest" '("a" "ab" "abc") t '("abcd" "ab" "a" "xab" "b"))
    (opt-check "prefixes nil" '("for" "foreach" "fo") nil '("foreach" "forea" "fo" "f"))
    (opt-check "words" '("if" "else" "elif") 'words '("if x" "elif" "else" "elsewhere" "xif" "if_" "-else-"))
    (opt-check "symbols" '("if" "else" "elif") 'symbols '("if x" "elif" "if_" "-else-" "else.x" "x-if"))
    (opt-check "string paren" '("ab" "cd") "\\(?:" '("xab" "cd" "ac"))
    (opt-check "numbered group" '("ab" "cd") "\\(?3:" '("xab" "cd" "ac"))
    (opt-check "explicit group" '("ab" "cd") "\\(" '("xab" "cd" "ac"))
    (opt-check "specials" '("a.b" "[x]" "^" "$" "a*" "\\") t '("axb" "a.b" "[x]" "x" "^" "$" "aa" "a*" "\\"))
    (opt-check "duplicates" '("ab" "ab" "ab") nil '("ab" "xaby"))
    (opt-check "empty string candidate" '("" "a") t '("a" "b" ""))
    (opt-check "only empty string" '("") t '("a" ""))
    (opt-check "single char" '("x") nil '("x" "yxy" "y"))
    (opt-check "char set like" '("a" "b" "c") nil '("c" "d" "abc"))
    (opt-check "no strings" nil nil '("" "a"))
    (opt-check "no strings, t" nil t '("" "a"))
    (opt-check "no strings, words" nil 'words '("" "a"))
    (opt-check "common suffix" '("walking" "talking" "king") t '("talking" "king" "walk" "stalking"))
    (opt-check "non-ASCII" '("été" "étés" "😀" "😀😀") t '("des étés" "été" "😀😀😀" "et"))
    (opt-check "postfix applies" '("ab" "cd") nil '("abab" "abcd"))
    (try "postfix star on nil paren"
         (let ((re (concat "\\`" (regexp-opt '("ab" "cd")) "*\\'")))
           (mapcar (lambda (s) (and (string-match re s) t)) '("" "ab" "abcdab" "abc" "abab"))))
    (try "case-fold t, plain"
         (let ((case-fold-search t))
           (list (string-match (regexp-opt '("Cat" "dog")) "a CAT") (match-data))))
    (try "strings not strings" (regexp-opt '("a" 5)))
    (dolist (x (list 'a "ab" ["a" "b"] (cons "a" "b") 5 (list "a" nil) (list 'a) (list 5)
                     (list 'a 'b) (list "a" 'a) (list nil) (list "a" 5 'b) (list 'b 5) (list [1])
                     (list "ab" "a" [1])))
      (try (format "strings %S" x) (regexp-opt x)))))
