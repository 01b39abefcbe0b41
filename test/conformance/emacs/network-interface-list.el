;;; network-interface-list.el --- E10: network-interface-list, its "lo" entries  -*- lexical-binding: t -*-
;; Only "lo" is printed, so that the transcript is the same on every machine.
(defun lo-only (list) (seq-filter (lambda (e) (equal (car e) "lo")) list))
(try "network-interface-list" (lo-only (network-interface-list)))
(try "network-interface-list t" (lo-only (network-interface-list t)))
(try "network-interface-list nil ipv4" (lo-only (network-interface-list nil 'ipv4)))
(try "network-interface-list t ipv4" (lo-only (network-interface-list t 'ipv4)))
(try "network-interface-list nil ipv6" (lo-only (network-interface-list nil 'ipv6)))
(try "network-interface-list t ipv6" (lo-only (network-interface-list t 'ipv6)))
(try "network-interface-list bad family" (network-interface-list nil 'inet))
(try "network-interface-list t family as a string" (network-interface-list t "ipv4"))
(p "every entry is (NAME . VECTOR)"
   (seq-every-p (lambda (e) (and (stringp (car e)) (vectorp (cdr e)))) (network-interface-list)))
(p "every full entry is (NAME ADDR BCAST MASK)"
   (seq-every-p (lambda (e) (and (= (length e) 4) (seq-every-p #'vectorp (cdr e)))) (network-interface-list t)))
(p "as many entries with FULL as without"
   (= (length (network-interface-list)) (length (network-interface-list t))))
(p "the families add up"
   (= (length (network-interface-list))
      (+ (length (network-interface-list nil 'ipv4)) (length (network-interface-list nil 'ipv6)))))
